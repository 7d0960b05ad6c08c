import { SectionMessages } from "@/components/providers/section-messages";

/** Clients: the section's client texts (SectionMessages). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <SectionMessages section="clients">{children}</SectionMessages>;
}
