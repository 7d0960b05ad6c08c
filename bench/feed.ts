/**
 * `npm run bench -- feed [--entries 1000] [--large 10000] [--out FILE]`
 *
 * A person's own iCal feed (lib/feeds/serve.ts) of 1,000 entries over its window (15 % private,
 * a fifth with an attendee and a reminder), and one of 10,000: the whole fetch (token lookup,
 * ETag aggregates, the masked query, the text) at p50, the size of the text, the 304 path, and
 * the ratio to ical-generator's own serialization of the same events from memory (the floor).
 * `p50_ms` (and `p50_10k_ms`) is the warm fetch: one entry changed since the last fetch, the
 * others' written events found in the fragment cache; `cold_p50_ms` (and `cold_p50_10k_ms`) the
 * same fetch with that cache emptied before each one.
 * With --out FILE it also writes the 1,000-entry feed to FILE.
 */
import { writeFileSync } from "node:fs";
import ical from "ical-generator";
import { sql } from "drizzle-orm";
import type { Db } from "../db";
import { calendarEntries, calendarEntryAttendees, calendarEntryReminders, calendars, users } from "../db/schema";
import { loadViewer } from "../lib/auth/viewer";
import { runUnit } from "../lib/effects/unit";
import { createFeed } from "../lib/feeds/commands";
import { feedEntries, feedEntryKeys } from "../lib/feeds/entries";
import { feedFragments } from "../lib/feeds/fragment-cache";
import { feedCalendar, feedIcal } from "../lib/feeds/ics";
import { feedByTokenHash, feedPeopleSql, feedWindow } from "../lib/feeds/scope";
import { serveFeed, type FeedResponse } from "../lib/feeds/serve";
import { feedTokenHash } from "../lib/feeds/token";
import { numberArg, type BenchContext } from "./context";
import { stringArg } from "./http-session";
import { measure, round } from "./measure";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A person with `count` entries spread over the 395 days of a default window around `now`; returns their feed's token. */
async function personWithEntries(
  db: Db,
  count: number,
  now: Date,
  tag: string,
): Promise<{ token: string; ids: string[]; titles: { start: Date; end: Date; title: string }[] }> {
  const [person] = await db
    .insert(users)
    .values({ email: `feed-bench-${tag}@bench.example`, name: `Feed Bench ${tag}`, timeZone: "Europe/Warsaw" })
    .returning();
  const [guest] = await db
    .insert(users)
    .values({ email: `feed-guest-${tag}@bench.example`, name: `Gość ${tag}` })
    .returning();
  const [calendar] = await db.insert(calendars).values({ userId: person!.id }).returning();
  const first = now.getTime() - 29 * DAY;
  const span = 393 * DAY;
  const rows = Array.from({ length: count }, (_, i) => {
    const start = new Date(Math.floor((first + (span * i) / count) / (15 * 60_000)) * 15 * 60_000);
    return {
      calendarId: calendar!.id,
      title: `Spotkanie z klientem nr ${i} – omówienie oferty, serwis pieców konwekcyjnych`,
      description: i % 3 === 0 ? `Agenda:\n1. Przegląd umowy\n2. Harmonogram dostaw; uwagi klienta, pytania` : null,
      location: i % 2 === 0 ? "Sala konferencyjna A, ul. Długa 1, Warszawa" : null,
      visibility: i % 7 === 0 ? ("private" as const) : ("normal" as const),
      startsAt: start,
      endsAt: new Date(start.getTime() + HOUR),
    };
  });
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const inserted = await db
      .insert(calendarEntries)
      .values(rows.slice(i, i + 1000))
      .returning({ id: calendarEntries.id, startsAt: calendarEntries.startsAt });
    ids.push(...inserted.map((r) => r.id));
    const invited = inserted.filter((_, k) => (i + k) % 5 === 0);
    if (invited.length) {
      await db.insert(calendarEntryAttendees).values(invited.map((r) => ({ entryId: r.id, userId: guest!.id, startsAt: r.startsAt })));
      await db.insert(calendarEntryReminders).values(invited.map((r) => ({ entryId: r.id, offsetMinutes: 15 })));
    }
  }
  const viewer = (await loadViewer(db, person!.id))!;
  const issued = await runUnit(db, viewer, (work) =>
    createFeed(work, { kind: "own", targetId: null, name: `Kalendarz ${tag}`, includeTasks: false, daysBack: 30, daysAhead: 365 }),
  );
  return { token: issued.token, ids, titles: rows.map((r) => ({ start: r.startsAt, end: r.endsAt, title: r.title })) };
}

function fetchAt(db: Db, token: string, now: Date, ifNoneMatch: string | null = null): Promise<FeedResponse> {
  return serveFeed(
    db,
    {
      segment: `${token}.ics`,
      ifNoneMatch,
      ifModifiedSince: null,
      userAgent: "Google-Calendar-Importer",
      now,
      appUrl: "https://baton.example.com",
    },
    // No rate limit: the bench fetches one token hundreds of times (the limiter's own cost is one Map lookup).
    { limiter: null },
  );
}

/** ical-generator alone, from events already in memory: what any feed built with it costs at least. */
function floorSerialization(events: { start: Date; end: Date; title: string }[], stamp: Date): string {
  const cal = ical({ prodId: "//Baton//Feeds//EN", name: "floor" });
  events.forEach((e, i) => cal.createEvent({ id: `floor-${i}@baton`, start: e.start, end: e.end, summary: e.title, stamp }));
  return cal.toString();
}

/** Like measure(), with `before` run untimed ahead of every timed call. */
async function measureEach(before: () => Promise<unknown>, fn: () => Promise<unknown>, { iterations, warmup }: { iterations: number; warmup: number }) {
  for (let i = 0; i < warmup; i++) {
    await before();
    await fn();
  }
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    await before();
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { p50: round(at(0.5)), p95: round(at(0.95)) };
}

/** Changes the next entry as an edit does (version, SEQUENCE, last change), so the next fetch has one event to write again. */
function touchOne(db: Db, ids: string[]): () => Promise<unknown> {
  let next = 0;
  return () =>
    db.execute(
      sql`UPDATE ${calendarEntries} SET version = version + 1, sequence = sequence + 1, updated_at = clock_timestamp() WHERE id = ${ids[next++ % ids.length]}::uuid`,
    );
}

export default async function feedBench(ctx: BenchContext) {
  const { handle, args, log } = ctx;
  const db = handle.db as Db;
  const entries = numberArg(args, "entries", 1000);
  const large = numberArg(args, "large", 10_000);
  const out = stringArg(args, "out", "");
  const now = new Date();
  const tag = now.getTime().toString(36);

  let started = Date.now();
  const small = await personWithEntries(db, entries, now, `${tag}-s`);
  const big = await personWithEntries(db, large, now, `${tag}-l`);
  await db.execute(sql`VACUUM ANALYZE calendar_entries`);
  await db.execute(sql`VACUUM ANALYZE calendar_entry_attendees`);
  log(`seeded ${entries} + ${large} entries in ${((Date.now() - started) / 1000).toFixed(1)} s (${handle.kind})`);

  const first = await fetchAt(db, small.token, now);
  if (first.status !== 200 || !first.body) throw new Error(`the feed answered ${first.status}`);
  const events = first.body.split("BEGIN:VEVENT\r\n").length - 1;
  if (events !== entries) throw new Error(`the feed holds ${events} events, not ${entries}`);
  const bytes = Buffer.byteLength(first.body, "utf8");
  if (out) writeFileSync(out, first.body);
  const etag = first.headers.ETag!;
  if ((await fetchAt(db, small.token, now, etag)).status !== 304) throw new Error("no 304 on the feed's own ETag");

  started = Date.now();
  // Warm (p50_ms): one entry changed between fetches, as when a client comes back after a change
  // (with nothing changed it gets a 304); only that entry is read in full and written again.
  const full = await measureEach(touchOne(db, small.ids), () => fetchAt(db, small.token, now), { iterations: 60, warmup: 5 });
  // Cold: the fragment cache emptied before every fetch (a restarted server, or a feed nobody fetched lately).
  const cold = await measureEach(
    async () => feedFragments.clear(),
    () => fetchAt(db, small.token, now),
    { iterations: 30, warmup: 3 },
  );
  // The warm and cold runs changed entries: the 304 path is timed on the feed's ETag as it is now, and every answer
  // must be a 304 (a changed feed would answer 200 with the whole text and time that instead).
  const current = (await fetchAt(db, small.token, now)).headers.ETag!;
  const notModified = await measure(
    async () => {
      const answer = await fetchAt(db, small.token, now, current);
      if (answer.status !== 304) throw new Error(`the 304 path answered ${answer.status}`);
    },
    { iterations: 200, warmup: 20 },
  );
  const floor = await measure(async () => floorSerialization(small.titles, now), { iterations: 60, warmup: 5 });
  const tenK = await measureEach(touchOne(db, big.ids), () => fetchAt(db, big.token, now), { iterations: 10, warmup: 2 });
  const tenKCold = await measureEach(
    async () => feedFragments.clear(),
    () => fetchAt(db, big.token, now),
    { iterations: 5, warmup: 1 },
  );
  const ratio = round(full.p50 / floor.p50, 2);
  // Where the time goes: the masked query (with attendees and alarms), and the text from rows in memory.
  const feed = (await feedByTokenHash(db, feedTokenHash(small.token)))!;
  const window = feedWindow(feed, now);
  const people = feedPeopleSql(feed)!;
  const query = await measure(() => feedEntries(db, feed.creator, people, window, true), { iterations: 40, warmup: 5 });
  const heads = await measure(() => feedEntryKeys(db, feed.creator, people, window, true), { iterations: 40, warmup: 5 });
  const rows = await feedEntries(db, feed.creator, people, window, true);
  const doc = {
    name: feed.name,
    timeZone: feed.creator.timeZone,
    locale: feed.creator.locale,
    appUrl: "https://baton.example.com",
    entries: rows,
    tasks: [],
    bookings: [],
  };
  const text = await measure(async () => feedCalendar(doc), { iterations: 40, warmup: 5 });
  // ical-generator writing out the very calendar the feed builds (same events, attendees, alarms): the library's share of the text.
  const built = feedIcal(doc).calendar;
  const serialize = await measure(async () => built.toString(), { iterations: 40, warmup: 5 });
  log(
    `cold (no cached events): query p50 ${query.p50} ms (its keys with the fingerprint alone ${heads.p50} ms), text p50 ${text.p50} ms (ical-generator's toString of the same calendar alone: ${serialize.p50} ms)`,
  );
  log(
    `feed of ${entries}, one entry changed between fetches (p50_ms): p50 ${full.p50} ms, p95 ${full.p95} ms; cold p50 ${cold.p50} ms; ${bytes} bytes (goal: p50 under 20 ms, under 1 MB)`,
  );
  log(`304: p50 ${notModified.p50} ms (goal: under 5 ms); ical-generator alone p50 ${floor.p50} ms, ratio ${ratio}`);
  log(`feed of ${large}: one changed p50 ${tenK.p50} ms, cold p50 ${tenKCold.p50} ms (${((Date.now() - started) / 1000).toFixed(1)} s measuring)`);
  return {
    p50_ms: full.p50,
    bytes,
    not_modified_p50_ms: notModified.p50,
    p50_10k_ms: tenK.p50,
    ratio,
    floor_p50_ms: floor.p50,
    query_p50_ms: query.p50,
    text_p50_ms: text.p50,
    serialize_p50_ms: serialize.p50,
    p95_ms: full.p95,
    events,
    cold_p50_ms: cold.p50,
    cold_p95_ms: cold.p95,
    cold_p50_10k_ms: tenKCold.p50,
    heads_p50_ms: heads.p50,
  };
}
