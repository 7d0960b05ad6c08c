import { createTranslator } from "next-intl";
import { messages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locale";

/** Translations for text that leaves the app (e-mail, SMS, push), in the recipient's language. */
export function notifyTranslator(locale: Locale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "notify" });
}
