import { SectionMessages } from "@/components/providers/section-messages";

/** Tasks: the section's client texts (SectionMessages). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <SectionMessages section="tasks">{children}</SectionMessages>;
}
