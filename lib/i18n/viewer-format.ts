import { cache } from "react";
import { getLocale, getTimeZone } from "next-intl/server";
import { currentUser } from "@/lib/auth/current-user";
import { formatInstantFor, type InstantReader, type InstantStyle } from "./format-for";

export type InstantFormat = (instant: Date, style?: InstantStyle) => string;

/** Binds the one formatter to a reader. */
export function instantFormatFor(reader: InstantReader): InstantFormat {
  return (instant, style = "full") => formatInstantFor(instant, reader, style);
}

/**
 * The request's reader for server components: the language and zone next-intl uses
 * (lib/i18n/request.ts) and the signed-in person's date format. Read once per request.
 */
export const getInstantFormat = cache(async (): Promise<InstantFormat> => {
  const [user, locale, timeZone] = await Promise.all([currentUser().catch(() => null), getLocale(), getTimeZone()]);
  return instantFormatFor({ locale: locale === "en" ? "en" : "pl", timeZone, dateFormat: user?.dateFormat });
});
