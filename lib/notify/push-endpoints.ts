/**
 * Which push services Baton will connect to. A subscription's endpoint is a URL the browser
 * hands us, and the server later POSTs to it: accepting any https URL would let a signed-in
 * person make the server connect to internal hosts and read port states from the outcome.
 * So only the push services of the browsers people use are accepted, plus hosts an operator
 * adds with PUSH_ALLOWED_HOSTS (a self-hosted autopush, or a local test service).
 */

/**
 * The browsers' push services (checked December 2026):
 * - Chrome, and Chromium browsers on Android: fcm.googleapis.com
 * - Firefox: updates.push.services.mozilla.com (push.services.mozilla.com kept for older profiles)
 * - Edge on Windows: wns2-*.notify.windows.com
 * - Safari (macOS 13+, iOS 16.4+ home-screen apps): web.push.apple.com, under *.push.apple.com
 */
export const BUILT_IN_PUSH_HOSTS = [
  "fcm.googleapis.com",
  "updates.push.services.mozilla.com",
  "push.services.mozilla.com",
  "*.notify.windows.com",
  "web.push.apple.com",
  "*.push.apple.com",
] as const;

export interface PushHostRule {
  /** Lower-case host name or IP literal as URL.hostname spells it ("[::1]" for IPv6). */
  host: string;
  /** True for "*.example.com": any subdomain, not the domain itself. */
  subdomains: boolean;
  /** An exact port; null means the default https port only. */
  port: string | null;
}

/** Parses one entry: "host", "*.domain" or "host:port". Returns null for anything else. */
export function parsePushHostRule(entry: string): PushHostRule | null {
  const trimmed = entry.trim().toLowerCase();
  if (!trimmed) return null;
  const subdomains = trimmed.startsWith("*.");
  const rest = subdomains ? trimmed.slice(2) : trimmed;
  let url: URL;
  try {
    url = new URL(`https://${rest}/`);
  } catch {
    return null;
  }
  // The entry must be a bare host (and port): no path, credentials or a different spelling.
  const spelled = url.port ? `${url.hostname}:${url.port}` : url.hostname;
  if (spelled !== rest.replace(/:443$/, "") || url.username || url.password) return null;
  if (!/^([a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/.test(url.hostname)) return null;
  if (subdomains && (url.hostname.startsWith("[") || /^\d+(\.\d+){3}$/.test(url.hostname))) return null;
  return { host: url.hostname, subdomains, port: url.port || null };
}

/** The rules in force: the built-in list plus PUSH_ALLOWED_HOSTS (comma-separated). */
export function pushHostRules(extra: readonly string[] = []): PushHostRule[] {
  return [...BUILT_IN_PUSH_HOSTS, ...extra].map(parsePushHostRule).filter((r): r is PushHostRule => r !== null);
}

/** Entries of PUSH_ALLOWED_HOSTS that are not a host, "*.domain" or "host:port" (for config validation). */
export function invalidPushHostEntries(setting: string): string[] {
  return setting
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e && !parsePushHostRule(e));
}

export type PushEndpointProblem = "not_https" | "credentials" | "host_not_allowed" | "malformed";

/** Why an endpoint may not be used, or null when it may. */
export function pushEndpointProblem(endpoint: string, rules: readonly PushHostRule[]): PushEndpointProblem | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return "malformed";
  }
  if (url.protocol !== "https:") return "not_https";
  if (url.username || url.password) return "credentials";
  const host = url.hostname;
  const port = url.port || null;
  const allowed = rules.some((rule) => {
    if (rule.port !== port) return false;
    return rule.subdomains ? host.endsWith(`.${rule.host}`) && host.length > rule.host.length + 1 : host === rule.host;
  });
  return allowed ? null : "host_not_allowed";
}
