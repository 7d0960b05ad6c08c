/**
 * The browser-side defences every response carries. The Content-Security-Policy has a fresh
 * nonce per request (proxy.ts), which Next reads from the request's CSP header and puts on its
 * own scripts; 'strict-dynamic' then lets those scripts load the app's chunks and nothing else.
 */
export interface PolicyOptions {
  nonce: string;
  /** APP_URL is https: adds HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** `next dev`: React rebuilds server error stacks with eval. */
  development: boolean;
  /** Origins a form post may be redirected to (the configured single sign-on providers). */
  signInOrigins: readonly string[];
  /** Where attachments' thumbnails are fetched from besides the app (the bucket a signed URL points at). */
  imageOrigins?: readonly string[];
}

/** Headers that depend on nothing per request; next.config.ts also sends them with static files. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

export function contentSecurityPolicy(options: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    // Next and Radix set inline style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob:", ...(options.imageOrigins ?? [])].join(" "),
    "font-src 'self'",
    "connect-src 'self'",
    // public/sw.js receives web push.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // Chromium applies form-action to the redirects after a form post, such as to a sign-in provider.
    ["form-action 'self'", ...options.signInOrigins].join(" "),
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export function securityHeaders(options: PolicyOptions): Record<string, string> {
  return {
    ...STATIC_SECURITY_HEADERS,
    "Content-Security-Policy": contentSecurityPolicy(options),
    ...(options.https ? { "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY } : {}),
  };
}

/** The origins of the single sign-on providers that are switched on. */
export function signInOrigins(e: { AUTH_MICROSOFT_ENTRA_ID_ID?: string; AUTH_MICROSOFT_ENTRA_ID_ISSUER?: string; AUTH_GOOGLE_ID?: string }): string[] {
  const origins: string[] = [];
  if (e.AUTH_MICROSOFT_ENTRA_ID_ID) origins.push(originOf(e.AUTH_MICROSOFT_ENTRA_ID_ISSUER) ?? "https://login.microsoftonline.com");
  if (e.AUTH_GOOGLE_ID) origins.push("https://accounts.google.com");
  return origins;
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** A fresh, unguessable nonce (128 bits, base64). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
