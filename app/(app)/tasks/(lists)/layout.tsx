import { SectionMessages } from "@/components/providers/section-messages";

/**
 * The task lists (My tasks, Delegated, Team): their client texts only (SectionMessages). A list is the page people
 * open most, so it does not carry the task page's and the forms' texts, which the (work) group's layout hands over.
 */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <SectionMessages section="taskLists">{children}</SectionMessages>;
}
