import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { calendarFeeds, resources } from "@/db/schema";
import { entriesFingerprint, feedEntryDetails, feedEntryHeads, type FeedEntryHead } from "./entries";
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
  const content = await contentTag(db, feed, window, request.appUrl);
  const etag = `"${content.tag}"`;
  const changedAt = await recordFetch(db, feed, etag, request);
  const headers: Record<string, string> = {
    ETag: etag,
    "Last-Modified": changedAt.toUTCString(),
    "Cache-Control": "private, no-cache",
    "Referrer-Policy": "no-referrer",
  };
  if (notModified(request, etag, changedAt)) return { status: 304, headers, body: null };
  const body = await buildFeed(db, feed, window, request.appUrl, content.names, options.fragments ?? feedFragments);
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
async function contentTag(db: DbOrTx, feed: ResolvedFeed, window: FeedWindow, appUrl: string): Promise<{ tag: string; names: string }> {
  const parts: string[] = [feed.id, feed.name, feed.kind, window.fromDate, window.toDate, feed.creator.timeZone, feed.creator.locale, appUrl];
  const people = feedPeopleSql(feed);
  let names = "";
  if (people) {
    const entries = await entriesFingerprint(db, feed.creator, people, window);
    parts.push(entries.tag);
    names = entries.names;
  }
  if (feed.kind === "own" && feed.includeTasks) parts.push(await tasksFingerprint(db, feed.creator, window));
  if (feed.kind === "resource" && feed.targetId) parts.push(await bookingsFingerprint(db, feed.targetId, window));
  return { tag: createHash("sha256").update(parts.join("\u0000")).digest("base64url").slice(0, 32), names };
}

/**
 * The feed's text. Entries come first as heads (time, version, masked or not); the text of each is
 * taken from the fragment cache under a key that holds everything it depends on (fragment-cache.ts),
 * and only the entries not found there are read in full and written. Tasks and bookings, few, are
 * written each time.
 */
async function buildFeed(db: DbOrTx, feed: ResolvedFeed, window: FeedWindow, appUrl: string, names: string, fragments: FragmentCache): Promise<string> {
  const people = feedPeopleSql(feed);
  const withAlarms = feed.kind === "own";
  const [heads, tasks, bookings, resourceName] = await Promise.all([
    people ? feedEntryHeads(db, feed.creator, people, window) : [],
    feed.kind === "own" && feed.includeTasks ? feedTasks(db, feed.creator, window) : [],
    feed.kind === "resource" && feed.targetId ? feedBookings(db, feed.creator, feed.targetId, window) : [],
    feed.kind === "resource" && feed.targetId ? resourceNameOf(db, feed.targetId) : undefined,
  ]);
  const w = new FeedWriter(feed.creator.timeZone, feed.creator.locale, appUrl, resourceName);
  const context = JSON.stringify([w.zone, w.locale, appUrl, names]);
  const keyOf = (h: FeedEntryHead) =>
    `${h.id}|${h.version}|${h.sequence}|${h.updatedAt.getTime()}|${h.cancelled ? "c" : "l"}|${h.masked ? "masked" : withAlarms ? "alarms" : "details"}|${context}`;
  const keys = heads.map(keyOf);
  const texts = keys.map((k) => fragments.get(k));
  const missing = heads.filter((_, i) => texts[i] === undefined);
  if (missing.length) {
    const written = new Map<string, string>();
    for (const e of await feedEntryDetails(db, feed.creator, missing, withAlarms)) {
      const text = w.eventText(w.entryData(e));
      // Keyed by what the text was written from: a grant withdrawn since the heads were read gives a masked text, kept as such.
      fragments.set(keyOf(e), text);
      written.set(e.id, text);
    }
    heads.forEach((h, i) => (texts[i] ??= written.get(h.id)));
  }
  const { head, foot } = w.frame(feed.name);
  return [head, ...(texts as string[]), ...tasks.map((t) => w.eventText(w.taskData(t))), ...bookings.map((b) => w.eventText(w.bookingData(b))), foot].join("");
}

async function resourceNameOf(db: DbOrTx, id: string): Promise<string | undefined> {
  const [row] = await db.select({ name: resources.name }).from(resources).where(eq(resources.id, id));
  return row?.name;
}

/**
 * Writes the fetch down (when, which client) and when the content last changed, which is the
 * Last-Modified: a change that leaves no timestamp (a grant withdrawn) still moves it. The write
 * is skipped when the same client fetches the same content again within a minute.
 */
async function recordFetch(db: DbOrTx, feed: ResolvedFeed, etag: string, request: FeedRequest): Promise<Date> {
  const userAgent = request.userAgent?.slice(0, MAX_USER_AGENT) ?? null;
  const changed = feed.contentTag !== etag;
  const changedAt = changed || !feed.contentChangedAt ? request.now : feed.contentChangedAt;
  const recent = feed.lastFetchedAt !== null && request.now.getTime() - feed.lastFetchedAt.getTime() < FETCH_RECORD_EVERY_MS;
  if (changed || !recent || feed.lastUserAgent !== userAgent) {
    await db.execute(
      sql`UPDATE ${calendarFeeds} SET last_fetched_at = ${request.now.toISOString()}::timestamptz, last_user_agent = ${userAgent},
        content_tag = ${etag}, content_changed_at = ${changedAt.toISOString()}::timestamptz WHERE id = ${feed.id}::uuid`,
    );
  }
  return changedAt;
}
