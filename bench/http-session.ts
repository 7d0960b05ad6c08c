import { gzipSync } from "node:zlib";

/** Signing in to a running Baton over HTTP the way a browser does, for benchmarks of whole pages. */

/** A tiny cookie jar: enough for Auth.js's CSRF and session cookies on one origin. */
export class Jar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

export async function signIn(base: string, email: string, password: string): Promise<Jar> {
  const jar = new Jar();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/tasks` }),
  });
  jar.take(response);
  if (!/session-token=/.test(jar.header())) throw new Error(`signing in as ${email} failed (${response.status} ${response.headers.get("location") ?? ""})`);
  return jar;
}

export function stringArg(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i < 0 ? fallback : (args[i + 1] ?? fallback);
}

/**
 * The first-load JavaScript of a page as a current browser gets it: every script its HTML
 * references (not the `nomodule` polyfills only old browsers fetch), raw and gzipped, in bytes.
 */
export async function firstLoadScripts(base: string, html: string): Promise<{ scripts: number; raw: number; gzip: number }> {
  const sources = [
    ...new Set(
      [...html.matchAll(/<script\b([^>]*)>/g)].filter((m) => !/\snomodule\b/i.test(m[1]!)).flatMap((m) => /\ssrc="([^"]+\.js)"/.exec(m[1]!)?.[1] ?? []),
    ),
  ];
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src.replace(/&amp;/g, "&"), base))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return { scripts: sources.length, raw, gzip };
}
