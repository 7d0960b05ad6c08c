import { SectionMessages } from "@/components/providers/section-messages";

/** Notifications: the section's client texts (SectionMessages). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <SectionMessages section="notifications">{children}</SectionMessages>;
}
