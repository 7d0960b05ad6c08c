import { parsePhoneNumberFromString } from "libphonenumber-js";

/** A number typed without a country code is Polish: the first customers are. */
export const DEFAULT_PHONE_COUNTRY = "PL";

/** "601 234 567", "+48 601-234-567" or "0048601234567" → "+48601234567"; null when it is not a valid number. */
export function toE164(raw: string): string | null {
  const number = parsePhoneNumberFromString(raw, DEFAULT_PHONE_COUNTRY);
  return number?.isValid() ? number.number : null;
}

/** "+48601420100" as people read it: "+48 601 420 100". Unparseable input is shown as stored. */
export function displayPhone(stored: string | null): string | null {
  if (!stored) return null;
  return parsePhoneNumberFromString(stored)?.formatInternational() ?? stored;
}
