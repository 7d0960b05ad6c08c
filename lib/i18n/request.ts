import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentUser } from "@/lib/auth/current-user";
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE, LOCALE_COOKIE, isLocale, localeFromAcceptLanguage, type Locale } from "./locale";
import { messages } from "./messages";

// The signed-in user's own settings win; before sign-in the cookie set by the language switch,
// then the browser's Accept-Language, then Polish.
export default getRequestConfig(async () => {
  const user = await currentUser().catch(() => null);
  let locale: Locale = DEFAULT_LOCALE;
  if (user) locale = user.locale;
  else {
    const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
    locale = isLocale(fromCookie) ? fromCookie : (localeFromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE);
  }
  return {
    locale,
    messages: messages[locale],
    timeZone: user?.timeZone ?? DEFAULT_TIME_ZONE,
    formats: {
      dateTime: {
        short: { day: "2-digit", month: "2-digit", year: "numeric" },
        dateTime: { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" },
        long: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
      },
    },
  };
});
