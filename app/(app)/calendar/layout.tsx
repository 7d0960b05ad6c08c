import { SectionMessages } from "@/components/providers/section-messages";

/** Calendar: the section's client texts (SectionMessages). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <SectionMessages section="calendar">{children}</SectionMessages>;
}
