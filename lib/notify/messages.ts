import { createTranslator } from "next-intl";
import { messages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locale";

function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "notify" });
}

// One per language, made once: the translator caches parsed messages, and a fresh one per e-mail
// parsed every message again (most of an e-mail's cost once its layout is cached).
const translators = new Map<Locale, ReturnType<typeof translatorFor>>();

/** Translations for text that leaves the app (e-mail, SMS, push), in the recipient's language. */
export function notifyTranslator(locale: Locale) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = translatorFor(locale)));
  return t;
}
