import { SectionMessages } from "@/components/providers/section-messages";

/** Cases: the section's client texts (SectionMessages). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <SectionMessages section="cases">{children}</SectionMessages>;
}
