import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { bookings, calendarEntries, calendarEntryAttendees, calendars, resourceDepartments, resources } from "@/db/schema";
import { Forbidden, Invalid } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import { testDb } from "@/lib/testing/db";
import { makeDepartment, makeUser } from "@/lib/testing/factories";
import { FINDER_LIMITS, findFreeSlots, type FreeSlot } from "./finder";

const MINUTE = 60_000;
const Z = (iso: string) => new Date(iso);

async function calendarOf(db: Db, userId: string): Promise<string> {
  await db.insert(calendars).values({ userId }).onConflictDoNothing();
  const [row] = await db.select({ id: calendars.id }).from(calendars).where(eq(calendars.userId, userId));
  return row!.id;
}

/** A timed entry in `ownerId`'s calendar, with colleagues invited and their answers. */
async function timed(
  db: Db,
  ownerId: string,
  start: string,
  end: string,
  extra: { private?: boolean; attendees?: [string, "accepted" | "declined" | "needs_action"][] } = {},
) {
  const [entry] = await db
    .insert(calendarEntries)
    .values({
      calendarId: await calendarOf(db, ownerId),
      title: `Sekret ${randomUUID().slice(0, 6)}`,
      visibility: extra.private ? "private" : "normal",
      startsAt: Z(start),
      endsAt: Z(end),
    })
    .returning();
  for (const [userId, response] of extra.attendees ?? []) {
    await db.insert(calendarEntryAttendees).values({ entryId: entry!.id, userId, response, startsAt: Z(start) });
  }
  return entry!;
}

async function allDay(db: Db, ownerId: string, startDate: string, endDate: string, attendees: string[] = []) {
  const [entry] = await db
    .insert(calendarEntries)
    .values({ calendarId: await calendarOf(db, ownerId), title: "Urlop", allDay: true, startDate, endDate })
    .returning();
  for (const userId of attendees) await db.insert(calendarEntryAttendees).values({ entryId: entry!.id, userId, response: "accepted", startDate });
  return entry!;
}

async function room(db: Db, extra: Partial<typeof resources.$inferInsert> = {}) {
  const [row] = await db
    .insert(resources)
    .values({ name: `Sala ${randomUUID().slice(0, 8)}`, kind: "room", ...extra })
    .returning();
  return row!;
}

async function booking(db: Db, resourceId: string, bookedById: string, start: string, end: string, cancelled = false) {
  await db.insert(bookings).values({ resourceId, bookedById, startsAt: Z(start), endsAt: Z(end), purpose: "Demo", cancelledAt: cancelled ? new Date() : null });
}

/**
 * The expected answer by brute force over minutes: every minute of the window is free when it is
 * open (working hours) and in no busy range; each maximal run of free minutes yields its first
 * start on the quarter-hour grid from which the whole meeting fits.
 */
function bruteForce(from: Date, to: Date, busy: [string, string][], open: [string, string][] | null, minutes: number): FreeSlot[] {
  const ranges = busy.map(([s, e]) => [Z(s).getTime(), Z(e).getTime()] as const);
  const openRanges = open?.map(([s, e]) => [Z(s).getTime(), Z(e).getTime()] as const);
  const free = (t: number) => ranges.every(([s, e]) => t < s || t >= e) && (!openRanges || openRanges.some(([s, e]) => t >= s && t < e));
  const slots: FreeSlot[] = [];
  let t = from.getTime();
  while (t < to.getTime()) {
    if (!free(t)) {
      t += MINUTE;
      continue;
    }
    let end = t;
    while (end < to.getTime() && free(end)) end += MINUTE;
    const step = FINDER_LIMITS.stepMinutes * MINUTE;
    const start = Math.ceil(t / step) * step;
    if (start + minutes * MINUTE <= end) slots.push({ start: new Date(start).toISOString(), end: new Date(start + minutes * MINUTE).toISOString() });
    t = end;
  }
  return slots;
}

/** Checks each proposal minute by minute against the busy ranges: the finder's own promise. */
function everyMinuteFree(slots: FreeSlot[], busy: [string, string][]) {
  for (const slot of slots) {
    for (let t = Z(slot.start).getTime(); t < Z(slot.end).getTime(); t += MINUTE) {
      for (const [s, e] of busy) expect(t >= Z(s).getTime() && t < Z(e).getTime(), `${new Date(t).toISOString()} is in ${s}..${e}`).toBe(false);
    }
  }
}

async function team(db: Db) {
  const organiser = await makeUser(db);
  const anna = await makeUser(db);
  const bartek = await makeUser(db);
  const carol = await makeUser(db);
  return { organiser, anna, bartek, carol };
}

describe("findFreeSlots: when everyone and everything is free", () => {
  it("treats private entries, accepted invitations, all-day entries and someone else's booking as busy, declined invitations not; proposes nothing but times", async () => {
    const db = await testDb();
    const { organiser, anna, bartek, carol } = await team(db);
    const projector = await room(db, { kind: "device" });
    // Warsaw is UTC+1 in early March 2027.
    await timed(db, anna.id, "2027-03-01T08:00Z", "2027-03-01T09:30Z", { private: true });
    await timed(db, carol.id, "2027-03-01T09:30Z", "2027-03-01T10:07Z", { attendees: [[bartek.id, "accepted"]] });
    await timed(db, carol.id, "2027-03-01T10:30Z", "2027-03-01T11:30Z", { attendees: [[bartek.id, "declined"]] });
    await timed(db, carol.id, "2027-03-01T13:00Z", "2027-03-01T18:00Z"); // carol is not asked about
    await timed(db, organiser.id, "2027-03-01T14:00Z", "2027-03-01T14:50Z", { private: true });
    await booking(db, projector.id, carol.id, "2027-03-01T11:00Z", "2027-03-01T12:00Z");
    await booking(db, projector.id, carol.id, "2027-03-01T12:00Z", "2027-03-01T13:00Z", true); // cancelled: free again
    await allDay(db, anna.id, "2027-03-02", "2027-03-03"); // the whole Warsaw day of 2 March
    await timed(db, organiser.id, "2027-03-02T23:00Z", "2027-03-03T07:00Z");

    const from = Z("2027-03-01T07:00Z");
    const to = Z("2027-03-03T09:00Z");
    const busy: [string, string][] = [
      ["2027-03-01T08:00Z", "2027-03-01T09:30Z"],
      ["2027-03-01T09:30Z", "2027-03-01T10:07Z"],
      ["2027-03-01T14:00Z", "2027-03-01T14:50Z"],
      ["2027-03-01T11:00Z", "2027-03-01T12:00Z"],
      ["2027-03-01T23:00Z", "2027-03-02T23:00Z"],
      ["2027-03-02T23:00Z", "2027-03-03T07:00Z"],
    ];
    const slots = await findFreeSlots(
      db,
      organiser.viewer,
      { people: [organiser.id, anna.id, bartek.id], resources: [projector.id], durationMinutes: 45, from, to, limit: 20 },
      from,
    );
    expect(slots).toEqual(bruteForce(from, to, busy, null, 45));
    everyMinuteFree(slots, busy);
    // Spelled out: 07:00 is free for an hour, the declined invitation leaves 10:15 free (10:07 rounds up to the grid),
    // 12:00 follows the booking back to back, 14:50 rounds to 15:00.
    expect(slots.map((s) => s.start)).toEqual([
      "2027-03-01T07:00:00.000Z",
      "2027-03-01T10:15:00.000Z",
      "2027-03-01T12:00:00.000Z",
      "2027-03-01T15:00:00.000Z",
      "2027-03-03T07:00:00.000Z",
    ]);
    expect(slots.every((s) => Object.keys(s).sort().join() === "end,start")).toBe(true);
    expect(JSON.stringify(slots)).not.toContain("Sekret");

    // The default limit is five, and a longer meeting skips gaps too short for it.
    const long = await findFreeSlots(db, organiser.viewer, { people: [anna.id, bartek.id], resources: [projector.id], durationMinutes: 120, from, to }, from);
    expect(long).toEqual(bruteForce(from, to, busy.slice(0, 2).concat(busy.slice(3, 5)), null, 120).slice(0, 5));
  });

  it("reads an all-day entry as the person's own day in their zone, and the Warsaw DST weekends as 23- and 25-hour days", async () => {
    const db = await testDb();
    const warsaw = await makeUser(db, { timeZone: "Europe/Warsaw" });
    const tokyo = await makeUser(db, { timeZone: "Asia/Tokyo" });
    // Spring forward, Sunday 28 March 2027: 01:00–04:00 local is two real hours (00:00Z–02:00Z).
    await allDay(db, warsaw.id, "2027-03-27", "2027-03-28");
    await timed(db, warsaw.id, "2027-03-28T00:00Z", "2027-03-28T02:00Z");
    const springFrom = Z("2027-03-26T23:00Z");
    const spring = await findFreeSlots(
      db,
      warsaw.viewer,
      { people: [warsaw.id], resources: [], durationMinutes: 60, from: springFrom, to: Z("2027-03-29T00:00Z") },
      springFrom,
    );
    expect(spring[0]).toEqual({ start: "2027-03-27T23:00:00.000Z", end: "2027-03-28T00:00:00.000Z" });
    expect(spring[1]).toEqual({ start: "2027-03-28T02:00:00.000Z", end: "2027-03-28T03:00:00.000Z" });

    // Fall back, Sunday 31 October 2027: the day off lasts 25 hours, 30 Oct 22:00Z to 31 Oct 23:00Z.
    await allDay(db, warsaw.id, "2027-10-31", "2027-11-01");
    const fallFrom = Z("2027-10-30T20:00Z");
    const fallTo = Z("2027-11-01T02:00Z");
    const fall = await findFreeSlots(db, warsaw.viewer, { people: [warsaw.id], resources: [], durationMinutes: 60, from: fallFrom, to: fallTo }, fallFrom);
    const fallBusy: [string, string][] = [["2027-10-30T22:00Z", "2027-10-31T23:00Z"]];
    expect(fall).toEqual(bruteForce(fallFrom, fallTo, fallBusy, null, 60));
    expect(fall.map((s) => s.start)).toEqual(["2027-10-30T20:00:00.000Z", "2027-10-31T23:00:00.000Z"]);

    // Tokyo's day off is a Tokyo day: 1 March 2027 00:00 JST is 28 February 15:00Z.
    await allDay(db, tokyo.id, "2027-03-01", "2027-03-02");
    const tFrom = Z("2027-02-28T12:00Z");
    const tTo = Z("2027-03-02T00:00Z");
    const tokyoSlots = await findFreeSlots(
      db,
      warsaw.viewer,
      { people: [tokyo.id], resources: [], durationMinutes: 180, from: tFrom, to: tTo, limit: 20 },
      tFrom,
    );
    expect(tokyoSlots).toEqual(bruteForce(tFrom, tTo, [["2027-02-28T15:00Z", "2027-03-01T15:00Z"]], null, 180));
    expect(tokyoSlots.map((s) => s.start)).toEqual(["2027-02-28T12:00:00.000Z", "2027-03-01T15:00:00.000Z"]);

    // An invitation to an all-day entry makes the guest busy for the day in their own zone too.
    const owner = await makeUser(db);
    await allDay(db, owner.id, "2027-05-10", "2027-05-11", [tokyo.id]);
    const mFrom = Z("2027-05-09T12:00Z");
    const mTo = Z("2027-05-10T18:00Z");
    const invited = await findFreeSlots(db, warsaw.viewer, { people: [tokyo.id], resources: [], durationMinutes: 60, from: mFrom, to: mTo, limit: 20 }, mFrom);
    expect(invited).toEqual(bruteForce(mFrom, mTo, [["2027-05-09T15:00Z", "2027-05-10T15:00Z"]], null, 60));
  });

  it("with working hours only, proposes 08:00–16:00 on working days in the organiser's zone, across both DST changes and Polish holidays", async () => {
    const db = await testDb();
    const organiser = await makeUser(db, { timeZone: "Europe/Warsaw" });
    const person = await makeUser(db);
    const whole = 8 * 60;
    // Fri 26 March (CET), Easter Monday 29 March is a holiday, Tue 30 March (CEST).
    const march = await findFreeSlots(
      db,
      organiser.viewer,
      { people: [person.id], resources: [], durationMinutes: whole, from: Z("2027-03-25T23:00Z"), to: Z("2027-03-30T22:00Z"), workingHoursOnly: true },
      Z("2027-03-01T00:00Z"),
    );
    expect(march).toEqual([
      { start: "2027-03-26T07:00:00.000Z", end: "2027-03-26T15:00:00.000Z" },
      { start: "2027-03-30T06:00:00.000Z", end: "2027-03-30T14:00:00.000Z" },
    ]);
    // Fri 29 October (CEST), All Saints' Day on Monday 1 November, Tue 2 November (CET).
    const october = await findFreeSlots(
      db,
      organiser.viewer,
      { people: [person.id], resources: [], durationMinutes: whole, from: Z("2027-10-28T22:00Z"), to: Z("2027-11-02T23:00Z"), workingHoursOnly: true },
      Z("2027-10-01T00:00Z"),
    );
    expect(october).toEqual([
      { start: "2027-10-29T06:00:00.000Z", end: "2027-10-29T14:00:00.000Z" },
      { start: "2027-11-02T07:00:00.000Z", end: "2027-11-02T15:00:00.000Z" },
    ]);

    // Busy time inside the working day, brute-forced: Tue 30 March 09:00–10:00 and 13:30–14:10 local.
    await timed(db, person.id, "2027-03-30T07:00Z", "2027-03-30T08:00Z");
    await timed(db, person.id, "2027-03-30T11:30Z", "2027-03-30T12:10Z", { private: true });
    const from = Z("2027-03-29T22:00Z");
    const to = Z("2027-03-30T22:00Z");
    const slots = await findFreeSlots(
      db,
      organiser.viewer,
      { people: [person.id], resources: [], durationMinutes: 30, from, to, workingHoursOnly: true, limit: 20 },
      from,
    );
    const busy: [string, string][] = [
      ["2027-03-30T07:00Z", "2027-03-30T08:00Z"],
      ["2027-03-30T11:30Z", "2027-03-30T12:10Z"],
    ];
    expect(slots).toEqual(bruteForce(from, to, busy, [["2027-03-30T06:00Z", "2027-03-30T14:00Z"]], 30));
    everyMinuteFree(slots, busy);

    // A Tokyo organiser's working day is Tokyo's: Tue 30 March 08:00 JST is 29 March 23:00Z.
    const tokyo = await makeUser(db, { timeZone: "Asia/Tokyo" });
    const east = await findFreeSlots(
      db,
      tokyo.viewer,
      { people: [person.id], resources: [], durationMinutes: 60, from, to, workingHoursOnly: true, limit: 1 },
      from,
    );
    expect(east).toEqual([{ start: "2027-03-29T23:00:00.000Z", end: "2027-03-30T00:00:00.000Z" }]);
  });

  it("refuses bad input, unknown or inactive people, retired resources and resources only other departments may book", async () => {
    const db = await testDb();
    const { organiser, anna } = await team(db);
    const gone = await makeUser(db, { active: false });
    const retired = await room(db, { retiredAt: new Date() });
    const sales = await makeDepartment(db);
    const salesRoom = await room(db, { departmentsOnly: true });
    await db.insert(resourceDepartments).values({ resourceId: salesRoom.id, departmentId: sales.id });
    const from = Z("2027-03-01T07:00Z");
    const ask = (viewer: Viewer, request: Partial<Parameters<typeof findFreeSlots>[2]>) =>
      findFreeSlots(db, viewer, { people: [anna.id], resources: [], durationMinutes: 60, from, to: Z("2027-03-02T07:00Z"), ...request }, from);
    const refusal = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (error) {
        if (error instanceof Invalid || error instanceof Forbidden) return `${error.code}:${error.message}`;
        throw error;
      }
      return "accepted";
    };
    expect(await refusal(ask(organiser.viewer, { durationMinutes: 4 }))).toBe("invalid:resources.finder.errors.duration");
    expect(await refusal(ask(organiser.viewer, { durationMinutes: 12 * 60 + 1 }))).toBe("invalid:resources.finder.errors.duration");
    expect(await refusal(ask(organiser.viewer, { durationMinutes: 30.5 }))).toBe("invalid:resources.finder.errors.duration");
    expect(await refusal(ask(organiser.viewer, { to: Z("2027-04-01T07:01Z") }))).toBe("invalid:resources.finder.errors.windowTooWide");
    expect(await refusal(ask(organiser.viewer, { to: from }))).toBe("invalid:resources.finder.errors.badWindow");
    expect(await refusal(ask(organiser.viewer, { people: [], resources: [] }))).toBe("invalid:resources.finder.errors.nothingChosen");
    expect(await refusal(ask(organiser.viewer, { people: Array.from({ length: 21 }, () => randomUUID()) }))).toBe(
      "invalid:resources.finder.errors.tooManyPeople",
    );
    expect(await refusal(ask(organiser.viewer, { people: ["x'; DROP TABLE users; --"] }))).toBe("invalid:resources.finder.errors.personUnknown");
    expect(await refusal(ask(organiser.viewer, { people: [anna.id, gone.id] }))).toBe("invalid:resources.finder.errors.personUnknown");
    expect(await refusal(ask(organiser.viewer, { people: [randomUUID()] }))).toBe("invalid:resources.finder.errors.personUnknown");
    expect(await refusal(ask(organiser.viewer, { resources: [retired.id] }))).toBe("invalid:resources.errors.resourceNotFound");
    expect(await refusal(ask(organiser.viewer, { limit: 21 }))).toBe("invalid:resources.finder.errors.limit");
    // The sales room: refused to someone outside sales, open to sales and to admins.
    expect(await refusal(ask(organiser.viewer, { resources: [salesRoom.id] }))).toBe("forbidden:resources.errors.notForYourDepartment");
    const seller = await makeUser(db, { departmentId: sales.id });
    const admin = await makeUser(db, { role: "admin" });
    expect(await ask(seller.viewer, { resources: [salesRoom.id] })).toHaveLength(1);
    expect(await ask(admin.viewer, { resources: [salesRoom.id] })).toHaveLength(1);
  });
});
