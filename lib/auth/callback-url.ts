import { env } from "@/lib/config/env";

const FALLBACK = "/tasks";
// Browsers drop tabs and newlines inside URLs and treat a backslash like a slash, so a value
// that looks like a path can still land on another origin; such values are never legitimate.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// The same characters percent-encoded: a layer that decodes once would bring them back.
const ENCODED_CONTROL_CHARACTER = /%(?:[01][0-9a-f]|7f)/i;

/**
 * Where to go after sign-in: a path on this app's own origin, or the task list. The value is
 * resolved against APP_URL the way a browser would resolve it and accepted only when the
 * origin stays APP_URL's; what comes back is always a path, never an absolute URL.
 */
export function safeCallbackUrl(value: unknown, appUrl: string = env().APP_URL): string {
  if (typeof value !== "string" || value === "" || value.length > 2048) return FALLBACK;
  if (CONTROL_CHARACTER.test(value) || value.includes("\\")) return FALLBACK;
  let target: URL;
  let home: URL;
  try {
    home = new URL(appUrl);
    target = new URL(value, home);
  } catch {
    return FALLBACK;
  }
  if (target.origin !== home.origin || target.username || target.password) return FALLBACK;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // "//" at the start of a returned path would itself be read as another host.
  if (!path.startsWith("/") || path.startsWith("//")) return FALLBACK;
  if (ENCODED_CONTROL_CHARACTER.test(path)) return FALLBACK;
  // Back to the login page would loop.
  if (target.pathname.startsWith("/login")) return FALLBACK;
  return path;
}
