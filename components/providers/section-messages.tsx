import { getMessages } from "next-intl/server";
import { pickMessages, SECTION_NAMESPACES, type MessageSection } from "@/lib/i18n/client-messages";
import { AddMessages } from "./add-messages";

/**
 * Hands a section's client components the messages they read, on top of the shell's the root layout gives: each
 * part of the app ships its own texts, not every part's (client-messages.test.ts checks the lists against the code).
 */
export async function SectionMessages({ section, children }: { section: MessageSection; children: React.ReactNode }) {
  const messages = await getMessages();
  return <AddMessages messages={pickMessages(messages, SECTION_NAMESPACES[section])}>{children}</AddMessages>;
}
