import { parsePhoneNumberFromString } from "libphonenumber-js";

/** "+48601420100" as people read it: "+48 601 420 100". Unparseable input is shown as stored. */
export function displayPhone(stored: string | null): string | null {
  if (!stored) return null;
  return parsePhoneNumberFromString(stored)?.formatInternational() ?? stored;
}
