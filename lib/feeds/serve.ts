import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { calendarFeeds, resources } from "@/db/schema";
import { entriesFingerprint, feedEntryDetails, feedEntryKeys, type FeedEntryKey } from "./entries";
import { bookingsFingerprint, feedBookings, feedTasks, tasksFingerprint } from "./extras";
import { feedFragments, type FragmentCache } from "./fragment-cache";
import { FeedWriter } from "./ics";
import { feedByTokenHash, feedPeopleSql, feedWindow, type FeedWindow, type ResolvedFeed } from "./scope";
import { TokenBuckets } from "./rate-limit";
import { feedTokenHash, tokenOfSegment } from "./token";

export interface FeedRequest {
  /** The path segment after /api/feeds/: the token, maybe with ".ics". Never logged. */
  segment: string;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
  userAgent: string | null;
  now: Date;
  appUrl: string;
}

export interface FeedResponse {
  status: 200 | 304 | 404 | 429;
  headers: Record<string, string>;
  body: string | null;
}

const NOT_FOUND: FeedResponse = { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }, body: "Not found\n" };
const MAX_USER_AGENT = 300;

/** This process's limit on fetches per token (rate-limit.ts). */
const processLimiter = new TokenBuckets();

export interface ServeOptions {
  /** Fetches per token; null for none (the bench, which fetches one feed hundreds of times). */
  limiter?: TokenBuckets | null;
  /** Written events kept between fetches (fragment-cache.ts); the process's own by default. */
  fragments?: FragmentCache;
}

function tooMany(retryAfterSeconds: number): FeedResponse {
  return {
    status: 429,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Retry-After": String(retryAfterSeconds) },
    body: "Too many requests\n",
  };
}
/** Fetches closer together than this, by the same client, with the same answer, are not written down again. */
const FETCH_RECORD_EVERY_MS = 60_000;

/**
 * Answers one fetch of a feed URL. Whatever the segment looks like, it is hashed and looked up
 * once by an indexed equality: an unknown, revoked or malformed token, or a deactivated creator,
 * costs the same and answers the same 404. A live feed's ETag comes from cheap aggregates over
 * the rows it would show (never from the body); a match answers 304 before anything is built.
 * A token fetched too often answers 429 with Retry-After, whether it exists or not.
 */
export async function serveFeed(db: DbOrTx, request: FeedRequest, options: ServeOptions = {}): Promise<FeedResponse> {
  const tokenHash = feedTokenHash(tokenOfSegment(request.segment));
  // Before the lookup, by the hash of whatever was sent: an unknown token runs out as a live one does.
  const limiter = options.limiter === undefined ? processLimiter : options.limiter;
  const decision = limiter ? limiter.take(tokenHash, request.now.getTime()) : { allowed: true as const };
  if (!decision.allowed) return tooMany(decision.retryAfterSeconds);
  const feed = await feedByTokenHash(db, tokenHash);
  if (!feed) return NOT_FOUND;
  const window = feedWindow(feed, request.now);
  const people = feedPeopleSql(feed);
  // A fetch that will most likely be answered in full (no validator, or one for other content than the last answer's)
  // reads the entries' keys and their fingerprint in one statement; a likely 304 reads only the fingerprint, and the
  // keys afterwards if it is not one after all.
  // The creator's own feed leaves out the occurrences they declined: its keys say which.
  const own = feed.kind === "own";
  const read = people && expectsBody(request, feed) ? await feedEntryKeys(db, feed.creator, people, window, true, own) : null;
  const content = await contentTag(db, feed, window, request.appUrl, read?.fingerprint ?? null);
  const etag = `"${content.tag}"`;
  const { changedAt, written } = recordFetch(db, feed, etag, request);
  const headers: Record<string, string> = {
    ETag: etag,
    "Last-Modified": changedAt.toUTCString(),
    "Cache-Control": "private, no-cache",
    "Referrer-Policy": "no-referrer",
  };
  if (notModified(request, etag, changedAt)) {
    await written;
    return { status: 304, headers, body: null };
  }
  const keys = read?.keys ?? (people ? (await feedEntryKeys(db, feed.creator, people, window, false, own)).keys : []);
  const [body] = await Promise.all([buildFeed(db, feed, window, request.appUrl, content.names, keys, options.fragments ?? feedFragments), written]);
  return {
    status: 200,
    headers: {
      ...headers,
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `inline; filename="baton.ics"; filename*=UTF-8''${encodeURIComponent(feed.name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}.ics`,
    },
    body,
  };
}

/** Whether the answer will most likely be the whole feed: the client has no copy, or not the one answered last. */
function expectsBody(request: FeedRequest, feed: ResolvedFeed): boolean {
  if (request.ifNoneMatch !== null) return feed.contentTag === null || !request.ifNoneMatch.includes(feed.contentTag);
  return request.ifModifiedSince === null;
}

/** RFC 9110: If-None-Match wins when present; If-Modified-Since is read only without it. */
function notModified(request: FeedRequest, etag: string, changedAt: Date): boolean {
  if (request.ifNoneMatch !== null) {
    const tags = request.ifNoneMatch.split(",").map((t) => t.trim().replace(/^W\//, ""));
    return tags.includes(etag) || tags.includes("*");
  }
  if (request.ifModifiedSince !== null) {
    const since = Date.parse(request.ifModifiedSince);
    return !Number.isNaN(since) && Math.floor(changedAt.getTime() / 1000) * 1000 <= since;
  }
  return false;
}

/** Everything the text depends on, hashed: the feed's settings, its window's days, and the aggregates of its rows. */
async function contentTag(
  db: DbOrTx,
  feed: ResolvedFeed,
  window: FeedWindow,
  appUrl: string,
  entriesRead: { tag: string; names: string } | null,
): Promise<{ tag: string; names: string }> {
  const parts: string[] = [feed.id, feed.name, feed.kind, window.fromDate, window.toDate, feed.creator.timeZone, feed.creator.locale, appUrl];
  const people = feedPeopleSql(feed);
  let names = "";
  if (people) {
    const entries = entriesRead ?? (await entriesFingerprint(db, feed.creator, people, window));
    parts.push(entries.tag);
    names = entries.names;
  }
  if (feed.kind === "own" && feed.includeTasks) parts.push(await tasksFingerprint(db, feed.creator, window));
  if (feed.kind === "resource" && feed.targetId) parts.push(await bookingsFingerprint(db, feed.targetId, window));
  return { tag: createHash("sha256").update(parts.join("\u0000")).digest("base64url").slice(0, 32), names };
}

/**
 * The feed's text. Entries come as keys (what each one's text depends on, in order); the text of
 * each is taken from the fragment cache under its key and this feed's context (fragment-cache.ts),
 * and only the entries not found there are read in full and written. Tasks and bookings, few, are
 * written each time.
 */
async function buildFeed(
  db: DbOrTx,
  feed: ResolvedFeed,
  window: FeedWindow,
  appUrl: string,
  names: string,
  keys: FeedEntryKey[],
  fragments: FragmentCache,
): Promise<string> {
  const withAlarms = feed.kind === "own";
  const [tasks, bookings, resourceName] = await Promise.all([
    feed.kind === "own" && feed.includeTasks ? feedTasks(db, feed.creator, window) : [],
    feed.kind === "resource" && feed.targetId ? feedBookings(db, feed.creator, feed.targetId, window) : [],
    feed.kind === "resource" && feed.targetId ? resourceNameOf(db, feed.targetId) : undefined,
  ]);
  const w = new FeedWriter(feed.creator.timeZone, feed.creator.locale, appUrl, resourceName);
  // Everything else a text depends on, the same for every entry of this fetch: zone, language, address, the names'
  // last change, and whether alarms are written (the creator's own feed).
  const context = createHash("sha256")
    .update(JSON.stringify([w.zone, w.locale, appUrl, names, withAlarms]))
    .digest("base64url");
  const keyOf = (k: { key: string; masked: boolean }) => `${k.key}|${k.masked ? "m" : "d"}|${context}`;
  const texts = keys.map((k) => fragments.get(keyOf(k)));
  const missing = keys.filter((_, i) => texts[i] === undefined).map((k) => k.id);
  if (missing.length) {
    const written = new Map<string, string>();
    for (const e of await feedEntryDetails(db, feed.creator, missing, withAlarms)) {
      const text = w.entryText(e);
      // Keyed by what the text was written from: an entry changed or a grant withdrawn since the keys were read is
      // kept under what it is now.
      fragments.set(keyOf(e), text);
      written.set(e.id, text);
    }
    keys.forEach((k, i) => (texts[i] ??= written.get(k.id)));
  }
  // A series is written in its own zone: the frame carries that zone's VTIMEZONE too.
  const seriesZones = [...new Set(keys.flatMap((k) => (k.zone ? [k.zone] : [])))];
  const { head, foot } = w.frame(feed.name, seriesZones);
  // An entry deleted between the keys and its details has no text: it is left out.
  const events = texts.filter((t): t is string => t !== undefined);
  return [head, ...events, ...tasks.map((t) => w.eventText(w.taskData(t))), ...bookings.map((b) => w.eventText(w.bookingData(b))), foot].join("");
}

async function resourceNameOf(db: DbOrTx, id: string): Promise<string | undefined> {
  const [row] = await db.select({ name: resources.name }).from(resources).where(eq(resources.id, id));
  return row?.name;
}

/**
 * Writes the fetch down (when, which client) and when the content last changed, which is the
 * Last-Modified: a change that leaves no timestamp (a grant withdrawn) still moves it. The write
 * is skipped when the same client fetches the same content again within a minute. The instant is
 * known at once; the write goes on beside building the answer, which waits for it.
 */
function recordFetch(db: DbOrTx, feed: ResolvedFeed, etag: string, request: FeedRequest): { changedAt: Date; written: Promise<unknown> } {
  const userAgent = request.userAgent?.slice(0, MAX_USER_AGENT) ?? null;
  const changed = feed.contentTag !== etag;
  const changedAt = changed || !feed.contentChangedAt ? request.now : feed.contentChangedAt;
  const recent = feed.lastFetchedAt !== null && request.now.getTime() - feed.lastFetchedAt.getTime() < FETCH_RECORD_EVERY_MS;
  const written =
    changed || !recent || feed.lastUserAgent !== userAgent
      ? db.execute(
          sql`UPDATE ${calendarFeeds} SET last_fetched_at = ${request.now.toISOString()}::timestamptz, last_user_agent = ${userAgent},
        content_tag = ${etag}, content_changed_at = ${changedAt.toISOString()}::timestamptz WHERE id = ${feed.id}::uuid`,
        )
      : Promise.resolve();
  return { changedAt, written };
}
