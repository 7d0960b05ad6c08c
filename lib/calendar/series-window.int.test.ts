import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { calendarEntries, calendarEntryAttendees, calendarGrants, calendarOccurrenceOverrides, calendars } from "@/db/schema";
import { findFreeSlots } from "@/lib/resources/finder";
import { testDb } from "@/lib/testing/db";
import { makeClient, makeUser } from "@/lib/testing/factories";
import { instantToWallClock, wallClockToInstant } from "@/lib/time/zoned";
import { seriesEnd } from "./recurrence";
import { entriesAbout } from "./queries";
import { calendarWindow } from "./window";

const WARSAW = "Europe/Warsaw";
const at = (wall: string) => wallClockToInstant(wall, WARSAW)!;

async function calendarOf(db: Db, userId: string): Promise<string> {
  await db.insert(calendars).values({ userId }).onConflictDoNothing();
  const [row] = await db.select({ id: calendars.id }).from(calendars).where(eq(calendars.userId, userId));
  return row!.id;
}

/** A weekly series in `ownerId`'s calendar, as the entry form will store it. */
async function weekly(db: Db, ownerId: string, start: string, extra: { private?: boolean; count?: number; title?: string; clientId?: string } = {}) {
  const startsAt = at(start);
  const endsAt = new Date(startsAt.getTime() + 3_600_000);
  const series = { start: startsAt, end: endsAt, rule: "FREQ=WEEKLY", zone: WARSAW, until: null, count: extra.count ?? null };
  const [entry] = await db
    .insert(calendarEntries)
    .values({
      calendarId: await calendarOf(db, ownerId),
      title: extra.title ?? "Team meeting",
      visibility: extra.private ? "private" : "normal",
      startsAt,
      endsAt,
      recurrenceRule: series.rule,
      recurrenceZone: WARSAW,
      recurrenceCount: series.count,
      seriesEndsAt: seriesEnd(series),
      clientId: extra.clientId ?? null,
    })
    .returning();
  return entry!;
}

describe("a recurring series in calendar views", () => {
  it("shows each occurrence in the window, at 09:00 Warsaw across the October change, overrides applied", async () => {
    const db = await testDb();
    const owner = await makeUser(db, { timeZone: WARSAW });
    const entry = await weekly(db, owner.id, "2027-10-04T09:00");
    await db.insert(calendarOccurrenceOverrides).values([
      { entryId: entry.id, recurrenceId: at("2027-10-18T09:00"), cancelled: true },
      { entryId: entry.id, recurrenceId: at("2027-10-25T09:00"), startsAt: at("2027-10-26T13:00"), endsAt: at("2027-10-26T14:00"), title: "Moved" },
    ]);
    const window = await calendarWindow(db, owner.viewer, { people: [], from: at("2027-10-10T00:00"), to: at("2027-11-08T00:00") });
    expect(window.entries.map((e) => [e.id, e.allDay ? null : instantToWallClock(new Date(e.start), WARSAW), e.title, e.recurrenceId])).toEqual([
      [entry.id, "2027-10-11T09:00", "Team meeting", at("2027-10-11T09:00").toISOString()],
      [entry.id, "2027-10-26T13:00", "Moved", at("2027-10-25T09:00").toISOString()],
      [entry.id, "2027-11-01T09:00", "Team meeting", at("2027-11-01T09:00").toISOString()],
    ]);
    // Before and after the change: 07:00 UTC in summer time, 08:00 UTC after it.
    expect(window.entries.map((e) => (e.allDay ? null : e.start.slice(11, 16)))).toEqual(["07:00", "11:00", "08:00"]);
  });

  it("shows a private series and its changed occurrences as Busy to a colleague, with every detail to the owner", async () => {
    const db = await testDb();
    const owner = await makeUser(db, { timeZone: WARSAW });
    const colleague = await makeUser(db, { timeZone: WARSAW });
    const entry = await weekly(db, owner.id, "2027-03-01T09:00", { private: true, title: "Therapy" });
    await db.insert(calendarOccurrenceOverrides).values({ entryId: entry.id, recurrenceId: at("2027-03-08T09:00"), title: "Doctor", location: "Clinic" });
    const request = { people: [owner.id], from: at("2027-03-01T00:00"), to: at("2027-03-15T00:00") };

    const seen = await calendarWindow(db, colleague.viewer, request);
    expect(seen.entries).toHaveLength(2);
    expect(seen.entries.every((e) => e.masked && e.title === null && e.location === null)).toBe(true);
    expect(JSON.stringify(seen)).not.toMatch(/Therapy|Doctor|Clinic/);

    const own = await calendarWindow(db, owner.viewer, request);
    expect(own.entries.map((e) => [e.title, e.location])).toEqual([
      ["Therapy", null],
      ["Doctor", "Clinic"],
    ]);

    await db.insert(calendarGrants).values({ ownerId: owner.id, granteeId: colleague.id, canSeePrivate: true });
    expect((await calendarWindow(db, colleague.viewer, request)).entries.map((e) => e.title)).toEqual(["Therapy", "Doctor"]);
  });

  it("leaves out a series that ended before the window and one that starts after it", async () => {
    const db = await testDb();
    const owner = await makeUser(db, { timeZone: WARSAW });
    await weekly(db, owner.id, "2027-01-04T09:00", { count: 3 });
    await weekly(db, owner.id, "2027-06-07T09:00");
    const window = await calendarWindow(db, owner.viewer, { people: [], from: at("2027-03-01T00:00"), to: at("2027-04-01T00:00") });
    expect(window.entries).toEqual([]);
  });
});

describe("a recurring series in the free-time finder", () => {
  it("makes its owner busy at each occurrence but not at a cancelled one, private or not", async () => {
    const db = await testDb();
    const owner = await makeUser(db, { timeZone: WARSAW });
    const organiser = await makeUser(db, { timeZone: WARSAW });
    const entry = await weekly(db, owner.id, "2027-03-01T09:00", { private: true });
    await db.insert(calendarOccurrenceOverrides).values({ entryId: entry.id, recurrenceId: at("2027-03-15T09:00"), cancelled: true });
    const slotAt = async (day: string) =>
      findFreeSlots(db, organiser.viewer, {
        people: [owner.id],
        resources: [],
        durationMinutes: 60,
        from: at(`${day}T09:00`),
        to: at(`${day}T12:00`),
        limit: 1,
      });
    expect((await slotAt("2027-03-08"))[0]?.start).toBe(at("2027-03-08T10:00").toISOString());
    expect((await slotAt("2027-03-15"))[0]?.start).toBe(at("2027-03-15T09:00").toISOString());
    // After the spring change, still 09:00 Warsaw.
    expect((await slotAt("2027-03-29"))[0]?.start).toBe(at("2027-03-29T10:00").toISOString());
  });

  it("makes an invited colleague busy at each occurrence unless they declined the series", async () => {
    const db = await testDb();
    const owner = await makeUser(db, { timeZone: WARSAW });
    const invited = await makeUser(db, { timeZone: "America/New_York" });
    const organiser = await makeUser(db, { timeZone: WARSAW });
    const entry = await weekly(db, owner.id, "2027-03-01T09:00");
    await db.insert(calendarEntryAttendees).values({ entryId: entry.id, userId: invited.id, response: "accepted", startsAt: entry.startsAt });
    const slotAt = async () =>
      findFreeSlots(db, organiser.viewer, {
        people: [invited.id],
        resources: [],
        durationMinutes: 60,
        from: at("2027-04-05T09:00"),
        to: at("2027-04-05T12:00"),
        limit: 1,
      });
    expect((await slotAt())[0]?.start).toBe(at("2027-04-05T10:00").toISOString());
    await db.update(calendarEntryAttendees).set({ response: "declined" }).where(eq(calendarEntryAttendees.entryId, entry.id));
    expect((await slotAt())[0]?.start).toBe(at("2027-04-05T09:00").toISOString());
  });

  it("shows a series in an invited colleague's lane whether it was a series when they were invited or became one after", async () => {
    const db = await testDb();
    const owner = await makeUser(db, { timeZone: WARSAW });
    const invited = await makeUser(db, { timeZone: WARSAW });
    const fromStart = await weekly(db, owner.id, "2027-03-01T09:00", { title: "Weekly from the start" });
    const startsAt = at("2027-03-02T11:00");
    const [single] = await db
      .insert(calendarEntries)
      .values({
        calendarId: await calendarOf(db, owner.id),
        title: "Made weekly later",
        visibility: "normal",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3_600_000),
      })
      .returning();
    await db.insert(calendarEntryAttendees).values([
      { entryId: fromStart.id, userId: invited.id, response: "accepted", startsAt: fromStart.startsAt },
      { entryId: single!.id, userId: invited.id, response: "accepted", startsAt },
    ]);
    const lane = async () =>
      (await calendarWindow(db, invited.viewer, { people: [invited.id], from: at("2027-04-05T00:00"), to: at("2027-04-12T00:00") })).entries.map((e) => [
        e.title,
        e.allDay ? null : instantToWallClock(new Date(e.start), WARSAW),
      ]);
    expect(await lane()).toEqual([["Weekly from the start", "2027-04-05T09:00"]]);
    // The invitation written while the entry was single learns it repeats now (a trigger keeps the copy) ...
    await db.update(calendarEntries).set({ recurrenceRule: "FREQ=WEEKLY", recurrenceZone: WARSAW }).where(eq(calendarEntries.id, single!.id));
    expect(await lane()).toEqual([
      ["Weekly from the start", "2027-04-05T09:00"],
      ["Made weekly later", "2027-04-06T11:00"],
    ]);
    // ... and that it stopped repeating.
    await db.update(calendarEntries).set({ recurrenceRule: null, recurrenceZone: null }).where(eq(calendarEntries.id, fromStart.id));
    expect(await lane()).toEqual([["Made weekly later", "2027-04-06T11:00"]]);
    const copies = await db
      .select({ entryId: calendarEntryAttendees.entryId, recurring: calendarEntryAttendees.recurring })
      .from(calendarEntryAttendees)
      .where(eq(calendarEntryAttendees.userId, invited.id));
    expect(Object.fromEntries(copies.map((c) => [c.entryId, c.recurring]))).toEqual({ [fromStart.id]: false, [single!.id]: true });
  });

  it("lists a client's series once on each side of now, as its next and its latest occurrence, private ones only to who sees them", async () => {
    const db = await testDb();
    const owner = await makeUser(db, { timeZone: WARSAW });
    const colleague = await makeUser(db, { timeZone: "America/New_York" });
    const client = await makeClient(db);
    const entry = await weekly(db, owner.id, "2027-10-04T09:00", { title: "Serwis cotygodniowy", clientId: client.id });
    await weekly(db, owner.id, "2027-10-05T12:00", { title: "Prywatne", clientId: client.id, private: true });
    await db.insert(calendarOccurrenceOverrides).values({ entryId: entry.id, recurrenceId: at("2027-11-01T09:00"), cancelled: true });
    // Monday 1 November 2027, 10:00 Warsaw: the 09:00 occurrence that day is deleted; the next is on the 8th, after the clock change.
    const now = at("2027-11-01T10:00");
    const seen = await entriesAbout(db, colleague.viewer, { clientId: client.id }, now);
    expect(seen.upcoming.map((e) => [e.title, e.allDay ? null : instantToWallClock(new Date(e.start), WARSAW), e.series?.repeat.frequency])).toEqual([
      ["Serwis cotygodniowy", "2027-11-08T09:00", "weekly"],
    ]);
    expect(seen.past.map((e) => [e.title, e.allDay ? null : instantToWallClock(new Date(e.start), WARSAW)])).toEqual([
      ["Serwis cotygodniowy", "2027-10-25T09:00"],
    ]);
    const own = await entriesAbout(db, owner.viewer, { clientId: client.id }, now);
    expect(own.upcoming.map((e) => e.title)).toEqual(["Prywatne", "Serwis cotygodniowy"]);
  });
});
