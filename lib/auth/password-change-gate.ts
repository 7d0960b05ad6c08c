/** Where a person whose password an admin typed chooses their own. */
export const PASSWORD_CHANGE_PATH = "/change-password";

/**
 * What proxy.ts does with a signed-in request from a person who must first replace the password
 * an admin gave them: the change page and Auth.js (sign-out) pass; other API routes are refused;
 * other pages redirect to the change page. Other methods on pages (server actions) pass to their
 * action, which refuses: `currentUser()` is null for such a person.
 */
export function passwordChangeGate(pathname: string, method: string): "pass" | "redirect" | "refuse" {
  if (pathname === PASSWORD_CHANGE_PATH || pathname === "/api/auth" || pathname.startsWith("/api/auth/")) return "pass";
  if (pathname === "/api" || pathname.startsWith("/api/")) return "refuse";
  return method === "GET" || method === "HEAD" ? "redirect" : "pass";
}
