import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { calendarEntries, calendarOccurrenceOverrides } from "@/db/schema";
import { preparedRows } from "@/db/prepared";
import type { Viewer } from "@/lib/auth/viewer";
import { answerEntryAction, changeOccurrenceAction, createEntryAction, deleteOccurrenceAction, grantCalendarAccessAction } from "@/lib/calendar/actions";
import { expandSeries } from "@/lib/calendar/recurrence";
import { seriesColumns, seriesOfRow, type RawSeriesColumns } from "@/lib/calendar/series-rows";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { expandCalendarUnder } from "@/lib/testing/ical-readers";
import { wallClockToInstant } from "@/lib/time/zoned";
import { entriesFingerprint, feedEntryKeys } from "./entries";
import { FETCH_AT, feedText, feedToken, fetchFeed, rawEvents } from "./feed-fixtures";
import { FragmentCache } from "./fragment-cache";
import { feedByTokenHash, feedPeopleSql, feedWindow } from "./scope";
import { feedTokenHash } from "./token";

const WARSAW = "Europe/Warsaw";
const at = (wall: string) => wallClockToInstant(wall, WARSAW)!;
const uid = (id: string) => `${id}@baton`;
const SECRET = `Rozmowa kadrowa ${randomUUID().slice(0, 8)}`;
/** 2027 in Warsaw: both clock changes (28 March, 31 October) inside. */
const YEAR = { from: at("2027-01-01T00:00"), to: at("2028-01-01T00:00") };

/** All VEVENT blocks of a UID (a series has one per changed occurrence besides its own). */
function blocksOf(text: string, id: string): string[] {
  const unfolded = text.replace(/\r\n[ \t]/g, "");
  return unfolded
    .split("BEGIN:VEVENT\r\n")
    .slice(1)
    .map((b) => b.slice(0, b.indexOf("END:VEVENT")))
    .filter((b) => b.includes(`\r\nUID:${uid(id)}\r\n`) || b.startsWith(`UID:${uid(id)}\r\n`));
}

/**
 * A director in Warsaw with a weekly Monday 09:00 meeting that began in November 2026 (before
 * every feed's window) and never ends: the Monday after the spring change moved to Tuesday
 * 14:00 and retitled, the Monday after the autumn change deleted. A colleague in New York who may
 * not see private entries, a confidant who may.
 */
async function office(options: { visibility?: "normal" | "private" } = {}) {
  const db = await testDb();
  const director = await makeUser(db, { timeZone: WARSAW });
  const colleague = await makeUser(db, { timeZone: "America/New_York", locale: "en" });
  const confidant = await makeUser(db, { timeZone: WARSAW });
  actAs(director.viewer);
  expect(await grantCalendarAccessAction({ granteeId: confidant.id, canSeePrivate: true })).toMatchObject({ ok: true });
  const private_ = options.visibility === "private";
  const created = await createEntryAction({
    time: { allDay: false, start: "2026-11-02T09:00", end: "2026-11-02T10:00" },
    title: private_ ? SECRET : "Odprawa zespołu",
    location: private_ ? `Gabinet ${SECRET}` : "Sala A",
    visibility: options.visibility ?? "normal",
    repeat: { frequency: "weekly", interval: 1, weekdays: ["MO"], ends: { kind: "never" } },
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const id = created.data.id;
  expect(
    await changeOccurrenceAction({
      id,
      recurrenceId: at("2027-03-29T09:00").toISOString(),
      scope: "one",
      time: { allDay: false, start: "2027-03-30T14:00", end: "2027-03-30T15:00" },
      title: private_ ? `Przeniesiona ${SECRET}` : "Odprawa (wtorek)",
      location: private_ ? `Piwnica ${SECRET}` : "Sala B",
    }),
  ).toMatchObject({ ok: true });
  expect(await deleteOccurrenceAction({ id, recurrenceId: at("2027-11-01T09:00").toISOString(), scope: "one" })).toMatchObject({ ok: true });
  return { db, director, colleague, confidant, id };
}

/** Baton's own occurrences of the series in a window, read as the views read it. */
async function batonOccurrences(id: string, window: { from: Date; to: Date }) {
  const db = await testDb();
  const [row] = await preparedRows<RawSeriesColumns>(db, sql`SELECT e.starts_at, e.ends_at, ${seriesColumns} FROM calendar_entries e WHERE e.id = ${id}::uuid`);
  const held = seriesOfRow(row!)!;
  return expandSeries(held.series, held.overrides, window);
}

async function feedOf(viewer: Viewer, db: Awaited<ReturnType<typeof testDb>>, input: Parameters<typeof feedToken>[2]) {
  return feedText(db, await feedToken(db, viewer, input));
}

/** The office, and a weekly Monday 08:00 meeting of the director's since January 2026 with the colleague invited. */
async function colleagueInvitedWeekly() {
  const o = await office();
  actAs(o.director.viewer);
  const created = await createEntryAction({
    time: { allDay: false, start: "2026-01-05T08:00", end: "2026-01-05T08:30" },
    title: "Odprawa z kolegą",
    attendeeIds: [o.colleague.id],
    repeat: { frequency: "weekly", interval: 1, weekdays: ["MO"], ends: { kind: "never" } },
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  return { o, created };
}

describe("recurring series in feeds", () => {
  it("writes a series as one VEVENT with RRULE and EXDATE in its zone, and a VEVENT with RECURRENCE-ID for the moved occurrence", async () => {
    const o = await office();
    const text = await feedOf(o.director.viewer, o.db, { kind: "own" });
    const [master, moved, ...rest] = blocksOf(text, o.id);
    expect(rest).toEqual([]);
    expect(master).toMatch(/^DTSTART;TZID=Europe\/Warsaw:20261102T090000$/m);
    expect(master).toMatch(/^DTEND;TZID=Europe\/Warsaw:20261102T100000$/m);
    expect(master).toMatch(/^RRULE:FREQ=WEEKLY;BYDAY=MO$/m);
    expect(master).toMatch(/^EXDATE;TZID=Europe\/Warsaw:20271101T090000$/m);
    expect(master).not.toMatch(/^RECURRENCE-ID/m);
    expect(master).toMatch(/^SUMMARY:Odprawa zespołu$/m);
    expect(moved).toMatch(/^RECURRENCE-ID;TZID=Europe\/Warsaw:20270329T090000$/m);
    expect(moved).toMatch(/^DTSTART;TZID=Europe\/Warsaw:20270330T140000$/m);
    expect(moved).toMatch(/^DTEND;TZID=Europe\/Warsaw:20270330T150000$/m);
    expect(moved).toMatch(/^SUMMARY:Odprawa \(wtorek\)$/m);
    expect(moved).toMatch(/^LOCATION:Sala B$/m);
    expect(moved).not.toMatch(/^(RRULE|EXDATE)/m);
    expect(Number(/^SEQUENCE:(\d+)$/m.exec(moved!)![1])).toBeGreaterThanOrEqual(Number(/^SEQUENCE:(\d+)$/m.exec(master!)![1]));
    // The series' zone's VTIMEZONE, once, even in a feed written in another zone.
    expect(text.split("BEGIN:VTIMEZONE\r\nTZID:Europe/Warsaw\r\n")).toHaveLength(2);
    const abroad = await feedOf(o.colleague.viewer, o.db, { kind: "person", targetId: o.director.id });
    expect(abroad).toContain("BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n");
    expect(abroad).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Warsaw\r\n");
    expect(abroad).toMatch(/^X-WR-TIMEZONE:America\/New_York\r$/m);
    expect(blocksOf(abroad, o.id)[0]).toMatch(/^DTSTART;TZID=Europe\/Warsaw:20261102T090000$/m);
  });

  it("writes a series a person is invited to in their own feed, while its span reaches the window, not after they decline it", async () => {
    const { o, created } = await colleagueInvitedWeekly();
    const text = await feedOf(o.colleague.viewer, o.db, { kind: "own" });
    const [master] = blocksOf(text, created.data.id);
    // Its first occurrence lies long before the feed's window; the series reaches into it all the same.
    expect(master).toMatch(/^RRULE:FREQ=WEEKLY;BYDAY=MO$/m);
    expect(master).toMatch(/^DTSTART;TZID=Europe\/Warsaw:20260105T080000$/m);
    expect(master).toMatch(/^SUMMARY:Odprawa z kolegą$/m);
    actAs(o.colleague.viewer);
    expect(await answerEntryAction({ entryId: created.data.id, response: "declined" })).toMatchObject({ ok: true });
    expect(blocksOf(await feedOf(o.colleague.viewer, o.db, { kind: "own" }), created.data.id)).toEqual([]);
  });

  it("leaves an occurrence a person declined out of their own feed (an EXDATE there only), and puts it back when they accept it again", async () => {
    const { o, created } = await colleagueInvitedWeekly();
    const id = created.data.id;
    // One cache for every fetch: the text written before the answer must not be served after it.
    const fragments = new FragmentCache(8 * 1024 * 1024);
    const colleagueToken = await feedToken(o.db, o.colleague.viewer, { kind: "own" });
    const directorToken = await feedToken(o.db, o.director.viewer, { kind: "own" });
    let clock = FETCH_AT.getTime();
    const masterOf = async (token: string) => blocksOf((await fetchFeed(o.db, token, {}, new Date((clock += 1000)), { fragments })).body!, id)[0]!;
    expect(await masterOf(colleagueToken)).not.toMatch(/^EXDATE/m);

    actAs(o.colleague.viewer);
    const recurrenceId = at("2027-02-01T08:00").toISOString();
    expect(await answerEntryAction({ entryId: id, response: "declined", recurrenceId })).toMatchObject({ ok: true });
    expect(await masterOf(colleagueToken)).toMatch(/^EXDATE;TZID=Europe\/Warsaw:20270201T080000$/m);
    // The organiser's own feed still has it, as does the colleague's answer to the rest of the series.
    expect(await masterOf(directorToken)).not.toMatch(/^EXDATE/m);
    expect(await masterOf(colleagueToken)).toMatch(/^RRULE:FREQ=WEEKLY;BYDAY=MO$/m);

    expect(await answerEntryAction({ entryId: id, response: "accepted", recurrenceId })).toMatchObject({ ok: true });
    expect(await masterOf(colleagueToken)).not.toMatch(/^EXDATE/m);
  });

  it("ical.js and node-ical expand the feed into Baton's own occurrences over 2027, across both clock changes, under three process zones", async () => {
    const o = await office();
    const text = await feedOf(o.colleague.viewer, o.db, { kind: "person", targetId: o.director.id });
    const baton = (await batonOccurrences(o.id, YEAR)).map((x) => ({
      uid: uid(o.id),
      recurrenceId: x.recurrenceId.toISOString(),
      start: x.start.toISOString(),
      end: x.end.toISOString(),
      summary: x.override?.title ?? "Odprawa zespołu",
    }));
    // 52 Mondays of 2027 less the deleted one; 08:00 UTC in winter, 07:00 in summer: the local time stays 09:00.
    expect(baton).toHaveLength(51);
    expect(baton.find((x) => x.start.startsWith("2027-03-22"))!.start).toBe("2027-03-22T08:00:00.000Z");
    expect(baton.find((x) => x.start.startsWith("2027-04-05"))!.start).toBe("2027-04-05T07:00:00.000Z");
    expect(baton.find((x) => x.start.startsWith("2027-10-25"))!.start).toBe("2027-10-25T07:00:00.000Z");
    expect(baton.find((x) => x.start.startsWith("2027-11-08"))!.start).toBe("2027-11-08T08:00:00.000Z");
    expect(baton.find((x) => x.recurrenceId === "2027-03-29T07:00:00.000Z")).toMatchObject({ start: "2027-03-30T12:00:00.000Z", summary: "Odprawa (wtorek)" });
    expect(baton.some((x) => x.recurrenceId === "2027-11-01T08:00:00.000Z")).toBe(false);
    for (const zone of ["UTC", "America/New_York", "Asia/Tokyo"]) {
      const read = expandCalendarUnder(zone, text, YEAR);
      expect(read.processZone).toBe(zone);
      expect(
        read.occurrences.filter((x) => x.uid === uid(o.id)),
        zone,
      ).toEqual(baton);
      expect(
        read.nodeIcal.filter((x) => x.uid === uid(o.id)),
        zone,
      ).toEqual(baton.map(({ recurrenceId: _, ...x }) => x));
    }
  });

  it("writes RRULE with COUNT or UNTIL as stored, and leaves out a series that ended before the window", async () => {
    const db = await testDb();
    const owner = await makeUser(db, { timeZone: WARSAW });
    actAs(owner.viewer);
    type Ends = { kind: "afterCount"; count: number } | { kind: "onDate"; date: string };
    const make = async (start: string, title: string, ends: Ends) => {
      const made = await createEntryAction({
        time: { allDay: false, start, end: start.replace("T09", "T10") },
        title,
        repeat: { frequency: "weekly", interval: 2, weekdays: ["TU", "TH"], ends },
      });
      if (!made.ok) throw new Error(JSON.stringify(made));
      return made.data.id;
    };
    const counted = await make("2027-02-02T09:00", "Dziesięć razy", { kind: "afterCount", count: 10 });
    const dated = await make("2026-12-01T09:00", "Do lata", { kind: "onDate", date: "2027-06-30" });
    const over = await make("2026-10-06T09:00", "Skończone", { kind: "onDate", date: "2026-11-30" });
    const text = await feedOf(owner.viewer, db, { kind: "own" });
    expect(blocksOf(text, counted)[0]).toMatch(/^RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=10$/m);
    const [row] = await db.select().from(calendarEntries).where(eq(calendarEntries.id, dated));
    const until = row!
      .recurrenceUntil!.toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
    expect(blocksOf(text, dated)[0]).toMatch(new RegExp(`^RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=${until}$`, "m"));
    expect(until).toMatch(/^20270630T\d{6}Z$/);
    expect(blocksOf(text, over)).toEqual([]);
    const read = expandCalendarUnder("Asia/Tokyo", text, YEAR);
    for (const id of [counted, dated]) {
      const baton = (await batonOccurrences(id, YEAR)).map((x) => x.start.toISOString());
      expect(read.occurrences.filter((x) => x.uid === uid(id)).map((x) => x.start)).toEqual(baton);
    }
    expect(read.occurrences.filter((x) => x.uid === uid(counted))).toHaveLength(10);
  });

  it("masks a private series in every VEVENT for a colleague: Busy with times only, a merely retitled occurrence not written at all", async () => {
    const o = await office({ visibility: "private" });
    actAs(o.director.viewer);
    // An occurrence retitled in place: for a colleague it is the series' Busy like any other.
    expect(
      await changeOccurrenceAction({
        id: o.id,
        recurrenceId: at("2027-05-10T09:00").toISOString(),
        scope: "one",
        time: { allDay: false, start: "2027-05-10T09:00", end: "2027-05-10T10:00" },
        title: `Inny temat ${SECRET}`,
      }),
    ).toMatchObject({ ok: true });
    {
      const input = { kind: "person" as const, targetId: o.director.id };
      const text = await feedOf(o.colleague.viewer, o.db, input);
      expect(text, input.kind).not.toContain(SECRET.slice(-8));
      const blocks = blocksOf(text, o.id);
      expect(blocks, input.kind).toHaveLength(2);
      for (const block of blocks) {
        expect(block).toMatch(/^SUMMARY:Busy$/m);
        expect(block).toMatch(/^CLASS:PRIVATE$/m);
        expect(block).not.toMatch(/^(LOCATION|DESCRIPTION|URL|ATTENDEE|ORGANIZER|BEGIN:VALARM)/m);
      }
      expect(blocks[0]).toMatch(/^RRULE:FREQ=WEEKLY;BYDAY=MO$/m);
      expect(blocks[0]).toMatch(/^EXDATE;TZID=Europe\/Warsaw:20271101T090000$/m);
      expect(blocks[1]).toMatch(/^RECURRENCE-ID;TZID=Europe\/Warsaw:20270329T090000$/m);
      expect(blocks[1]).toMatch(/^DTSTART;TZID=Europe\/Warsaw:20270330T140000$/m);
    }
    // The confidant sees both changed occurrences with their own titles; the owner too.
    const confided = blocksOf(await feedOf(o.confidant.viewer, o.db, { kind: "person", targetId: o.director.id }), o.id);
    expect(confided).toHaveLength(3);
    expect(confided.join("")).toContain(`SUMMARY:Przeniesiona ${SECRET}`);
    expect(confided.join("")).toContain(`SUMMARY:Inny temat ${SECRET}`);
    expect(confided.every((b) => /^CLASS:PRIVATE$/m.test(b))).toBe(true);
  });

  it("sends a cancelled series as STATUS:CANCELLED in every VEVENT with a higher SEQUENCE, masked still for a colleague", async () => {
    const o = await office({ visibility: "private" });
    const own = await feedToken(o.db, o.director.viewer, { kind: "own" });
    const theirs = await feedToken(o.db, o.colleague.viewer, { kind: "person", targetId: o.director.id });
    const seq = (block: string) => Number(/^SEQUENCE:(\d+)$/m.exec(block)![1]);
    const before = blocksOf(await feedText(o.db, own), o.id);
    actAs(o.director.viewer);
    expect(await deleteOccurrenceAction({ id: o.id, recurrenceId: at("2027-02-01T09:00").toISOString(), scope: "all" })).toMatchObject({ ok: true });
    const after = blocksOf(await feedText(o.db, own), o.id);
    expect(after).toHaveLength(2);
    after.forEach((block, i) => {
      expect(block).toMatch(/^STATUS:CANCELLED$/m);
      expect(seq(block)).toBeGreaterThan(seq(before[i]!));
    });
    expect(after[0]).toMatch(/^RRULE:/m);
    const masked = blocksOf(await feedText(o.db, theirs), o.id);
    expect(masked).toHaveLength(2);
    for (const block of masked) {
      expect(block).toMatch(/^STATUS:CANCELLED$/m);
      expect(block).toMatch(/^SUMMARY:Busy$/m);
    }
  });

  it("never answers 304 over a changed occurrence: an override changed, added or removed moves the ETag and the cached text, even behind the commands' back", async () => {
    const o = await office();
    const fragments = new FragmentCache(8 * 1024 * 1024);
    const token = await feedToken(o.db, o.colleague.viewer, { kind: "person", targetId: o.director.id });
    let clock = FETCH_AT.getTime();
    const fetch = (etag?: string) => fetchFeed(o.db, token, etag ? { ifNoneMatch: etag } : {}, new Date((clock += 1000)), { fragments });
    const cold = async () => (await fetchFeed(o.db, token, {}, new Date(clock), { fragments: new FragmentCache(8 * 1024 * 1024) })).body;
    const first = await fetch();
    expect((await fetch(first.headers.ETag)).status).toBe(304);

    // Through the command: the occurrence moves again.
    actAs(o.director.viewer);
    expect(
      await changeOccurrenceAction({
        id: o.id,
        recurrenceId: at("2027-03-29T09:00").toISOString(),
        scope: "one",
        time: { allDay: false, start: "2027-03-31T16:00", end: "2027-03-31T17:00" },
      }),
    ).toMatchObject({ ok: true });
    const second = await fetch(first.headers.ETag);
    expect(second.status).toBe(200);
    expect(blocksOf(second.body!, o.id)[1]).toMatch(/^DTSTART;TZID=Europe\/Warsaw:20270331T160000$/m);
    expect(second.body).toBe(await cold());

    // Behind the commands' back (the entry's version and time untouched): a title, then a deletion, then a removal.
    const entry = eq(calendarOccurrenceOverrides.entryId, o.id);
    const changes = [
      () =>
        o.db
          .update(calendarOccurrenceOverrides)
          .set({ title: "Zmieniona po cichu" })
          .where(and(entry, eq(calendarOccurrenceOverrides.cancelled, false))),
      () => o.db.insert(calendarOccurrenceOverrides).values({ entryId: o.id, recurrenceId: at("2027-06-07T09:00"), cancelled: true }),
      () => o.db.delete(calendarOccurrenceOverrides).where(and(entry, eq(calendarOccurrenceOverrides.cancelled, false))),
    ];
    const expectations = [
      (body: string) => expect(blocksOf(body, o.id)[1]).toMatch(/^SUMMARY:Zmieniona po cichu$/m),
      (body: string) => expect(blocksOf(body, o.id)[0]).toMatch(/^EXDATE;TZID=Europe\/Warsaw:20270607T090000,20271101T090000$/m),
      (body: string) => expect(blocksOf(body, o.id)).toHaveLength(1),
    ];
    let etag = second.headers.ETag;
    for (const [i, change] of changes.entries()) {
      expect((await fetch(etag)).status).toBe(304);
      await change();
      const again = await fetch(etag);
      expect(again.status, `change ${i}`).toBe(200);
      expect(again.headers.ETag).not.toBe(etag);
      expectations[i]!(again.body!);
      expect(again.body).toBe(await cold());
      etag = again.headers.ETag;
    }
  });

  it("gives the same fingerprint from the 304 path's aggregate and from the full fetch's statement when series are in the feed", async () => {
    const o = await office({ visibility: "private" });
    for (const token of [
      await feedToken(o.db, o.director.viewer, { kind: "own" }),
      await feedToken(o.db, o.colleague.viewer, { kind: "person", targetId: o.director.id }),
    ]) {
      const feed = (await feedByTokenHash(o.db, feedTokenHash(token)))!;
      const window = feedWindow(feed, FETCH_AT);
      const people = feedPeopleSql(feed)!;
      const read = await feedEntryKeys(o.db, feed.creator, people, window, true);
      expect(read.keys.map((k) => k.zone)).toEqual([WARSAW]);
      expect(read.fingerprint).toEqual(await entriesFingerprint(o.db, feed.creator, people, window));
      expect(read.fingerprint!.tag).not.toMatch(/:$/);
      const first = await fetchFeed(o.db, token);
      expect(rawEvents(first.body!).has(uid(o.id))).toBe(true);
      expect((await fetchFeed(o.db, token, { ifNoneMatch: first.headers.ETag })).status).toBe(304);
    }
  });
});
