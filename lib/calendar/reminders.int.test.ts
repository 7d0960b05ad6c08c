import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { calendarEntries, calendarEntryReminders, moments, notifications, reminderDefaults } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { runUnit } from "@/lib/effects/unit";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { perform, performedEffects } from "@/lib/testing/perform";
import { fireItemMoments } from "@/lib/timelines/fire";
import { pendingMomentsOf } from "@/lib/timelines/pending";
import { instantToWallClock } from "@/lib/time/zoned";
import { answerEntry, cancelEntry, createEntry, moveEntry, updateEntry } from "./commands";
import { entryForViewer } from "./queries";
import { answerInput, createEntryInput, moveEntryInput, updateEntryInput } from "./schema";

const zone = { timeZone: "Europe/Warsaw" };
const MINUTE = 60_000;
const at = (iso: string) => new Date(iso);
/** Before any of these entries: the reminders are ahead when set. */
const SET_AT = at("2027-03-01T08:00:00Z");

async function team(db: Db) {
  const owner = await makeUser(db, zone);
  const anna = await makeUser(db, zone);
  const piotr = await makeUser(db, { timeZone: "America/New_York" });
  return { owner, anna, piotr };
}

function create(db: Db, viewer: Viewer, input: Record<string, unknown>) {
  return perform(
    db,
    viewer,
    createEntry,
    createEntryInput.parse({ time: { allDay: false, start: "2027-05-10T09:00", end: "2027-05-10T10:00" }, title: "Odprawa", ...input }),
    { now: SET_AT },
  );
}

/** The owner's form sent again for the entry `create` made, with `input` changed. */
function edit(db: Db, viewer: Viewer, id: string, input: Record<string, unknown>) {
  return perform(
    db,
    viewer,
    updateEntry,
    updateEntryInput.parse({ id, time: { allDay: false, start: "2027-05-10T09:00", end: "2027-05-10T10:00" }, title: "Odprawa", ...input }),
    { now: SET_AT },
  );
}

/** The entry's pending reminders: [recipient, instant], sorted. */
async function pending(db: Db, entryId: string) {
  const [entry] = await db.select({ version: calendarEntries.version }).from(calendarEntries).where(eq(calendarEntries.id, entryId));
  const rows = await pendingMomentsOf(db, { type: "entry", id: entryId }, entry!.version);
  return rows.map((m) => [m.recipientId, m.at.toISOString()] as const).sort();
}

/** A run (or the reconcile) waking at `upTo`. */
function fire(db: Db, entryId: string, upTo: Date) {
  return runUnit(db, null, (work) => fireItemMoments(work, { type: "entry", id: entryId }, { upTo }), { now: upTo });
}

async function remindersSent(db: Db, entryId: string) {
  const rows = await db
    .select({ recipientId: notifications.recipientId, payload: notifications.payload })
    .from(notifications)
    .where(and(eq(notifications.link, `/calendar/entries/${entryId}`), eq(notifications.kind, "calendar.reminder")));
  return rows.map((r) => [r.recipientId, r.payload.momentAt as string] as const).sort();
}

const sorted = <T>(list: T[]) => [...list].sort();

describe("entry reminders", () => {
  it("reminds the owner and every attendee 15 minutes before by default, written with the entry and run for its version", async () => {
    const db = await testDb();
    const t = await team(db);
    const entry = await create(db, t.owner.viewer, { attendeeIds: [t.anna.id, t.piotr.id] });

    expect(await pending(db, entry.id)).toEqual(
      sorted([
        [t.owner.id, "2027-05-10T06:45:00.000Z"],
        [t.anna.id, "2027-05-10T06:45:00.000Z"],
        [t.piotr.id, "2027-05-10T06:45:00.000Z"],
      ]),
    );
    expect(performedEffects().at(-1)).toContainEqual({ kind: "schedule", item: { type: "entry", id: entry.id, version: 1 } });
  });

  it("uses each person's own defaults when the entry has none, and the entry's reminders for everyone when it has some", async () => {
    const db = await testDb();
    const t = await team(db);
    await db.insert(reminderDefaults).values([
      { userId: t.anna.id, offsetMinutes: 60 },
      { userId: t.anna.id, offsetMinutes: 1440, channel: "email" },
    ]);
    const entry = await create(db, t.owner.viewer, { attendeeIds: [t.anna.id] });
    expect(await pending(db, entry.id)).toEqual(
      sorted([
        [t.owner.id, "2027-05-10T06:45:00.000Z"],
        [t.anna.id, "2027-05-10T06:00:00.000Z"],
        [t.anna.id, "2027-05-09T07:00:00.000Z"],
      ]),
    );

    await edit(db, t.owner.viewer, entry.id, { attendeeIds: [t.anna.id], reminders: [{ type: "before", offsetMinutes: 30, channel: "sms" }] });
    expect(await db.select().from(calendarEntryReminders).where(eq(calendarEntryReminders.entryId, entry.id))).toMatchObject([
      { offsetMinutes: 30, fireAt: null, channel: "sms" },
    ]);
    expect(await pending(db, entry.id)).toEqual(
      sorted([
        [t.owner.id, "2027-05-10T06:30:00.000Z"],
        [t.anna.id, "2027-05-10T06:30:00.000Z"],
      ]),
    );
    expect((await entryForViewer(db, t.anna.viewer, entry.id)).reminders).toEqual([{ offsetMinutes: 30, fireAt: null, channel: "sms" }]);
  });

  it("shows a private entry's reminders only to those who see its details", async () => {
    const db = await testDb();
    const t = await team(db);
    const entry = await create(db, t.owner.viewer, { visibility: "private", reminders: [{ type: "before", offsetMinutes: 45 }] });
    expect((await entryForViewer(db, t.owner.viewer, entry.id)).reminders).toEqual([{ offsetMinutes: 45, fireAt: null, channel: null }]);
    expect(await entryForViewer(db, t.anna.viewer, entry.id)).toMatchObject({ masked: true, reminders: [] });
  });

  it("fires a moved entry's reminders at the new time only", async () => {
    const db = await testDb();
    const t = await team(db);
    const entry = await create(db, t.owner.viewer, { attendeeIds: [t.anna.id] });
    await perform(
      db,
      t.owner.viewer,
      moveEntry,
      moveEntryInput.parse({ id: entry.id, time: { allDay: false, start: "2027-05-10T15:00", end: "2027-05-10T16:00" } }),
      {
        now: SET_AT,
      },
    );
    expect(await pending(db, entry.id)).toEqual(
      sorted([
        [t.owner.id, "2027-05-10T12:45:00.000Z"],
        [t.anna.id, "2027-05-10T12:45:00.000Z"],
      ]),
    );
    // Where the old reminders were, nothing is due any more.
    expect((await fire(db, entry.id, at("2027-05-10T06:46:00Z"))).fired).toEqual([]);
    expect(await remindersSent(db, entry.id)).toEqual([]);

    const result = await fire(db, entry.id, at("2027-05-10T12:45:00Z"));
    expect(result.fired).toHaveLength(2);
    expect(await remindersSent(db, entry.id)).toEqual(
      sorted([
        [t.owner.id, "2027-05-10T12:45:00.000Z"],
        [t.anna.id, "2027-05-10T12:45:00.000Z"],
      ]),
    );
    // Sent once: a second run (or the reconcile) waking later finds nothing of this entry's left.
    expect((await fire(db, entry.id, at("2027-05-10T12:50:00Z"))).fired).toEqual([]);
    expect(await remindersSent(db, entry.id)).toHaveLength(2);
  });

  it("gives a declined attendee no reminder, and gives it back when they accept after all", async () => {
    const db = await testDb();
    const t = await team(db);
    const entry = await create(db, t.owner.viewer, { attendeeIds: [t.anna.id, t.piotr.id] });
    await perform(db, t.piotr.viewer, answerEntry, answerInput.parse({ entryId: entry.id, response: "declined" }), { now: SET_AT });
    expect((await pending(db, entry.id)).map(([who]) => who)).toEqual(sorted([t.owner.id, t.anna.id]));

    await fire(db, entry.id, at("2027-05-10T06:45:00Z"));
    expect((await remindersSent(db, entry.id)).map(([who]) => who)).toEqual(sorted([t.owner.id, t.anna.id]));

    const other = await create(db, t.owner.viewer, { attendeeIds: [t.piotr.id] });
    await perform(db, t.piotr.viewer, answerEntry, answerInput.parse({ entryId: other.id, response: "declined" }), { now: SET_AT });
    await perform(db, t.piotr.viewer, answerEntry, answerInput.parse({ entryId: other.id, response: "accepted" }), { now: SET_AT });
    expect((await pending(db, other.id)).map(([who]) => who)).toEqual(sorted([t.owner.id, t.piotr.id]));
  });

  it("stops a removed attendee's reminders, and keeps everyone else's", async () => {
    const db = await testDb();
    const t = await team(db);
    const entry = await create(db, t.owner.viewer, { attendeeIds: [t.anna.id, t.piotr.id] });
    await edit(db, t.owner.viewer, entry.id, { attendeeIds: [t.piotr.id] });

    expect((await pending(db, entry.id)).map(([who]) => who)).toEqual(sorted([t.owner.id, t.piotr.id]));
    // No moment of hers is left in the table, whatever its version: no run or reconcile can find one.
    expect(
      await db
        .select()
        .from(moments)
        .where(and(eq(moments.itemId, entry.id), eq(moments.recipientId, t.anna.id))),
    ).toEqual([]);
    await fire(db, entry.id, at("2027-05-10T06:45:00Z"));
    expect((await remindersSent(db, entry.id)).map(([who]) => who)).toEqual(sorted([t.owner.id, t.piotr.id]));
  });

  it("sends nothing for a cancelled entry", async () => {
    const db = await testDb();
    const t = await team(db);
    const entry = await create(db, t.owner.viewer, { attendeeIds: [t.anna.id] });
    await perform(db, t.owner.viewer, cancelEntry, { id: entry.id }, { now: SET_AT });

    expect(await pending(db, entry.id)).toEqual([]);
    expect(await db.select().from(moments).where(eq(moments.itemId, entry.id))).toEqual([]);
    await fire(db, entry.id, at("2027-05-10T07:00:00Z"));
    expect(await remindersSent(db, entry.id)).toEqual([]);
  });

  it("reminds 15 minutes before a 09:00 Warsaw entry after the March change at 08:45 Warsaw, and a day before at 09:00 of the day before", async () => {
    const db = await testDb();
    const t = await team(db);
    // Set in winter time for Sunday 28 March 2027, the day clocks go forward at 02:00.
    const entry = await create(db, t.owner.viewer, {
      time: { allDay: false, start: "2027-03-28T09:00", end: "2027-03-28T10:00" },
      reminders: [
        { type: "before", offsetMinutes: 15 },
        { type: "before", offsetMinutes: 1440 },
      ],
    });
    const reminders = await pending(db, entry.id);
    expect(reminders.map(([, iso]) => instantToWallClock(new Date(iso), "Europe/Warsaw")).sort()).toEqual(["2027-03-27T09:00", "2027-03-28T08:45"]);
    // 09:00 summer time is 07:00Z; a day before is 09:00 winter time, 08:00Z (not 24 hours earlier).
    expect(reminders.map(([, iso]) => iso)).toEqual(["2027-03-27T08:00:00.000Z", "2027-03-28T06:45:00.000Z"]);

    await fire(db, entry.id, new Date(at("2027-03-28T06:45:00Z").getTime() + MINUTE));
    expect(await remindersSent(db, entry.id)).toEqual([
      [t.owner.id, "2027-03-27T08:00:00.000Z"],
      [t.owner.id, "2027-03-28T06:45:00.000Z"],
    ]);
  });

  it("reminds of an all-day entry only when it has reminders, from the start of its day in each person's zone", async () => {
    const db = await testDb();
    const t = await team(db);
    const allDay = { allDay: true, startDate: "2027-05-10", endDate: "2027-05-10" };
    const plain = await create(db, t.owner.viewer, { time: allDay, attendeeIds: [t.piotr.id] });
    expect(await pending(db, plain.id)).toEqual([]);

    const reminded = await create(db, t.owner.viewer, { time: allDay, attendeeIds: [t.piotr.id], reminders: [{ type: "before", offsetMinutes: 60 }] });
    expect(await pending(db, reminded.id)).toEqual(
      sorted([
        // 23:00 the evening before, in Warsaw and in New York.
        [t.owner.id, "2027-05-09T21:00:00.000Z"],
        [t.piotr.id, "2027-05-10T03:00:00.000Z"],
      ]),
    );
  });
});
