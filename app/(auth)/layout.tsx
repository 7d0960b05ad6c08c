import { SectionMessages } from "@/components/providers/section-messages";

/** Signing in, password reset and invitation answers: the section's client texts (SectionMessages). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <SectionMessages section="auth">{children}</SectionMessages>;
}
