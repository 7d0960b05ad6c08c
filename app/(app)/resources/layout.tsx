import { SectionMessages } from "@/components/providers/section-messages";

/** Resources: the section's client texts (SectionMessages). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <SectionMessages section="resources">{children}</SectionMessages>;
}
