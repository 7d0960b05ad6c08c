/** Only same-site paths may be returned to after sign-in (no open redirects). */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string") return "/tasks";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\") || value.startsWith("/login")) return "/tasks";
  return value;
}
