import { randomUUID } from "node:crypto";
import { systemNow } from "@/lib/time/clock";
import type { LiveSession } from "./sessions";

/**
 * proxy.ts reads the session row of every request it lets through; the page, route or action
 * behind it needs the same row a few milliseconds later. Instead of a second read, the proxy
 * leaves what it read here, under a random reference it puts on the request (this header), and
 * the page takes it back once. Nothing the client sends can stand for a session: a reference
 * means something only while its entry is in this process's memory, only once, only for a few
 * seconds, and only together with the very session cookie the proxy checked. Whenever the entry
 * is missing (another process, a public path the proxy does not check, a second look within one
 * request) the page reads the row itself, as before.
 */
export const SESSION_HANDOFF_HEADER = "x-baton-session-ref";

/** Long enough for any page to start rendering after its proxy ran; entries are taken within milliseconds. */
export const HANDOFF_TTL_MS = 10_000;
/** A ceiling for a burst of requests whose entries are never taken (the proxy ran, nothing asked for the viewer). */
const HANDOFF_KEPT = 10_000;

interface Entry {
  token: string;
  session: LiveSession;
  until: number;
}

// The proxy and the app are bundled apart, each with its own copy of this module: the entries live on
// the process, where both find them.
const STORE = Symbol.for("baton.sessionHandoff");
function entries(): Map<string, Entry> {
  const holder = globalThis as typeof globalThis & { [STORE]?: Map<string, Entry> };
  return (holder[STORE] ??= new Map());
}

/** Leaves the session the proxy just read for `token`; returns the reference to put on the request. */
export function handOffSession(token: string, session: LiveSession, at: number = systemNow().getTime()): string {
  const map = entries();
  // Entries are kept in insertion order with one lifetime, so the expired ones are at the front.
  for (const [ref, entry] of map) {
    if (entry.until > at && map.size < HANDOFF_KEPT) break;
    map.delete(ref);
  }
  const ref = randomUUID();
  map.set(ref, { token, session, until: at + HANDOFF_TTL_MS });
  return ref;
}

/**
 * The session the proxy left under `ref` for this same `token`, once; null when there is none, it
 * has expired, or it was left for another cookie.
 */
export function takeHandedOffSession(ref: string | null | undefined, token: string, at: number = systemNow().getTime()): LiveSession | null {
  if (!ref) return null;
  const map = entries();
  const entry = map.get(ref);
  if (!entry) return null;
  map.delete(ref);
  if (entry.until <= at || entry.token !== token) return null;
  return entry.session;
}
