import { SectionMessages } from "@/components/providers/section-messages";

/** A task, its forms and templates: the section's client texts (SectionMessages); the lists have their own ((lists)). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <SectionMessages section="tasks">{children}</SectionMessages>;
}
