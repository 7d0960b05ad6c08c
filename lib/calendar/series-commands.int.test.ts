import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { calendarEntries, calendarEntryActivity, calendarGrants, calendarOccurrenceOverrides } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { instantToWallClock, wallClockToInstant } from "@/lib/time/zoned";
import { changeOccurrenceAction, createEntryAction, deleteOccurrenceAction, updateEntryAction } from "./actions";
import { entryForViewer } from "./queries";
import { calendarWindow } from "./window";

const WARSAW = "Europe/Warsaw";
const at = (wall: string) => wallClockToInstant(wall, WARSAW)!;
const MARCH = { from: at("2027-03-01T00:00"), to: at("2027-04-01T00:00") };

async function rows(id: string) {
  const db = await testDb();
  const [entry] = await db.select().from(calendarEntries).where(eq(calendarEntries.id, id));
  const overrides = await db.select().from(calendarOccurrenceOverrides).where(eq(calendarOccurrenceOverrides.entryId, id));
  return { entry: entry!, overrides };
}

async function shown(viewer: Viewer, people: string[] = []) {
  const db = await testDb();
  const window = await calendarWindow(db, viewer, { people, ...MARCH });
  return window.entries.map((e) => `${e.allDay ? "" : instantToWallClock(new Date(e.start), WARSAW)} ${e.title ?? "Busy"}`);
}

/** Monday 09:00 Warsaw every week from 1 March 2027, as the form sends it. */
async function mondays(viewer: Viewer, extra: Record<string, unknown> = {}) {
  actAs(viewer);
  const result = await createEntryAction({
    time: { allDay: false, start: "2027-03-01T09:00", end: "2027-03-01T10:00" },
    title: "Team meeting",
    repeat: { frequency: "weekly", interval: 1, weekdays: ["MO"], ends: { kind: "never" } },
    ...extra,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.id;
}

describe("making a series", () => {
  it("stores the rule in the owner's zone and shows every Monday across the spring change", async () => {
    const db = await testDb();
    const owner = await makeUser(db, { timeZone: WARSAW });
    const id = await mondays(owner.viewer);
    const { entry } = await rows(id);
    expect([entry.recurrenceRule, entry.recurrenceZone, entry.recurrenceCount, entry.seriesEndsAt]).toEqual(["FREQ=WEEKLY;BYDAY=MO", WARSAW, null, null]);
    expect(await shown(owner.viewer)).toEqual([
      "2027-03-01T09:00 Team meeting",
      "2027-03-08T09:00 Team meeting",
      "2027-03-15T09:00 Team meeting",
      "2027-03-22T09:00 Team meeting",
      "2027-03-29T09:00 Team meeting",
    ]);
  });

  it("ends after N times or on a date, and keeps 'the second Tuesday'", async () => {
    const db = await testDb();
    const owner = await makeUser(db, { timeZone: WARSAW });
    actAs(owner.viewer);
    const tuesday = await createEntryAction({
      time: { allDay: false, start: "2027-01-12T10:00", end: "2027-01-12T11:00" },
      title: "Report",
      repeat: { frequency: "monthlyOnWeekday", ends: { kind: "afterCount", count: 3 } },
    });
    expect(tuesday.ok && (await rows(tuesday.data.id)).entry.recurrenceRule).toBe("FREQ=MONTHLY;BYDAY=2TU");
    expect(await shown(owner.viewer)).toEqual(["2027-03-09T10:00 Report"]);
    const daily = await createEntryAction({
      time: { allDay: false, start: "2027-03-30T08:00", end: "2027-03-30T08:15" },
      title: "Standup",
      repeat: { frequency: "workdays", ends: { kind: "onDate", date: "2027-03-31" } },
    });
    expect(daily.ok).toBe(true);
    expect((await shown(owner.viewer)).filter((s) => s.endsWith("Standup"))).toEqual(["2027-03-30T08:00 Standup", "2027-03-31T08:00 Standup"]);
  });

  it("refuses a repeat on an all-day entry or with a bad end, and writes nothing (attendees may repeat)", async () => {
    const db = await testDb();
    const owner = await makeUser(db, { timeZone: WARSAW });
    const colleague = await makeUser(db);
    actAs(owner.viewer);
    const repeat = { frequency: "weekly", ends: { kind: "never" } } as const;
    const time = { allDay: false, start: "2027-03-01T09:00", end: "2027-03-01T10:00" } as const;
    const withPeople = await createEntryAction({ time, title: "With people", attendeeIds: [colleague.id], repeat });
    expect(withPeople.ok).toBe(true);
    const refused = [
      await createEntryAction({ time: { allDay: true, startDate: "2027-03-01", endDate: "2027-03-01" }, title: "All day", repeat }),
      await createEntryAction({ time, title: "Ends early", repeat: { frequency: "daily", ends: { kind: "onDate", date: "2027-02-01" } } }),
      await createEntryAction({ time, title: "Bad count", repeat: { frequency: "daily", ends: { kind: "afterCount", count: 0 } } }),
      await createEntryAction({ time, title: "Bad day", repeat: { frequency: "weekly", weekdays: ["XX" as "MO"], ends: { kind: "never" } } }),
    ];
    expect(refused.map((r) => r.ok)).toEqual([false, false, false, false]);
    expect(refused[0]).toMatchObject({ ok: false, code: "invalid", fieldErrors: { repeat: [expect.stringMatching(/./)] } });
    const made = await db.select({ title: calendarEntries.title }).from(calendarEntries).where(eq(calendarEntries.createdById, owner.id));
    expect(made).toEqual([{ title: "With people" }]);
  });
});

describe("changing and deleting occurrences", () => {
  it("moves one occurrence, deletes another, and the series' other occurrences stay", async () => {
    const db = await testDb();
    const owner = await makeUser(db, { timeZone: WARSAW });
    const id = await mondays(owner.viewer);
    const moved = await changeOccurrenceAction({
      id,
      recurrenceId: at("2027-03-08T09:00").toISOString(),
      scope: "one",
      time: { allDay: false, start: "2027-03-09T14:00", end: "2027-03-09T15:00" },
      title: "Team meeting (Tuesday)",
    });
    expect(moved).toMatchObject({ ok: true });
    expect(await deleteOccurrenceAction({ id, recurrenceId: at("2027-03-15T09:00").toISOString(), scope: "one" })).toMatchObject({ ok: true });
    // The edit form sends the repetition back unchanged with the details: the changed occurrences stay.
    const repeat = (await entryForViewer(db, owner.viewer, id)).repeat;
    expect(repeat).toEqual({ frequency: "weekly", interval: 1, weekdays: ["MO"], ends: { kind: "never" } });
    expect(
      await updateEntryAction({
        id,
        time: { allDay: false, start: "2027-03-01T09:00", end: "2027-03-01T10:00" },
        title: "Team meeting",
        location: "Room 1",
        repeat,
      }),
    ).toMatchObject({ ok: true });
    expect(await shown(owner.viewer)).toEqual([
      "2027-03-01T09:00 Team meeting",
      "2027-03-09T14:00 Team meeting (Tuesday)",
      "2027-03-22T09:00 Team meeting",
      "2027-03-29T09:00 Team meeting",
    ]);
    const { overrides } = await rows(id);
    expect(overrides.map((o) => [o.recurrenceId.toISOString(), o.cancelled]).sort()).toEqual([
      [at("2027-03-08T09:00").toISOString(), false],
      [at("2027-03-15T09:00").toISOString(), true],
    ]);
    const history = await db.select().from(calendarEntryActivity).where(eq(calendarEntryActivity.entryId, id)).orderBy(calendarEntryActivity.id);
    expect(history.map((h) => `${h.kind}:${h.field ?? ""}`)).toEqual(["created:", "changed:occurrence", "cancelled:occurrence", "changed:location"]);
  });

  it("splits the series at 'this and following', keeping the first part and its history", async () => {
    const db = await testDb();
    const owner = await makeUser(db, { timeZone: WARSAW });
    actAs(owner.viewer);
    const created = await createEntryAction({
      time: { allDay: false, start: "2027-03-01T09:00", end: "2027-03-01T10:00" },
      title: "Review",
      repeat: { frequency: "weekly", weekdays: ["MO"], ends: { kind: "afterCount", count: 5 } },
    });
    const id = created.ok ? created.data.id : "";
    const split = await changeOccurrenceAction({
      id,
      recurrenceId: at("2027-03-15T09:00").toISOString(),
      scope: "following",
      time: { allDay: false, start: "2027-03-15T11:00", end: "2027-03-15T12:00" },
      title: "Review (later)",
    });
    expect(split).toMatchObject({ ok: true });
    const newId = split.ok ? split.data.id : "";
    expect(newId).not.toBe(id);
    expect((await rows(id)).entry.recurrenceCount).toBe(2);
    expect((await rows(newId)).entry.recurrenceCount).toBe(3);
    expect(await shown(owner.viewer)).toEqual([
      "2027-03-01T09:00 Review",
      "2027-03-08T09:00 Review",
      "2027-03-15T11:00 Review (later)",
      "2027-03-22T11:00 Review (later)",
      "2027-03-29T11:00 Review (later)",
    ]);
    // Deleting from the fourth one on leaves the first three.
    expect(await deleteOccurrenceAction({ id: newId, recurrenceId: at("2027-03-22T11:00").toISOString(), scope: "following" })).toMatchObject({ ok: true });
    expect(await shown(owner.viewer)).toHaveLength(3);
    // The whole series goes at once.
    expect(await deleteOccurrenceAction({ id, recurrenceId: at("2027-03-08T09:00").toISOString(), scope: "all" })).toMatchObject({ ok: true });
    expect(await shown(owner.viewer)).toEqual(["2027-03-15T11:00 Review (later)"]);
  });

  it("moves the whole series from one occurrence, and an edit of the series replaces its changed occurrences", async () => {
    const db = await testDb();
    const owner = await makeUser(db, { timeZone: WARSAW });
    const id = await mondays(owner.viewer);
    await deleteOccurrenceAction({ id, recurrenceId: at("2027-03-22T09:00").toISOString(), scope: "one" });
    expect(
      await changeOccurrenceAction({
        id,
        recurrenceId: at("2027-03-15T09:00").toISOString(),
        scope: "all",
        time: { allDay: false, start: "2027-03-15T10:00", end: "2027-03-15T11:00" },
        title: "Team meeting",
      }),
    ).toMatchObject({ ok: true });
    expect((await shown(owner.viewer)).map((s) => s.slice(0, 16))).toEqual([
      "2027-03-01T10:00",
      "2027-03-08T10:00",
      "2027-03-15T10:00",
      "2027-03-22T10:00",
      "2027-03-29T10:00",
    ]);
    expect((await rows(id)).overrides).toEqual([]);
    expect(
      await updateEntryAction({
        id,
        time: { allDay: false, start: "2027-03-01T10:00", end: "2027-03-01T11:00" },
        title: "Team meeting",
        repeat: null,
      }),
    ).toMatchObject({ ok: true });
    expect(await shown(owner.viewer)).toEqual(["2027-03-01T10:00 Team meeting"]);
  });

  it("refuses an occurrence the rule does not make, and one moved before the series' start", async () => {
    const db = await testDb();
    const owner = await makeUser(db, { timeZone: WARSAW });
    const id = await mondays(owner.viewer);
    expect(await deleteOccurrenceAction({ id, recurrenceId: at("2027-03-09T09:00").toISOString(), scope: "one" })).toMatchObject({
      ok: false,
      code: "not_found",
      error: expect.stringMatching(/not part of the series/),
    });
    expect(
      await changeOccurrenceAction({
        id,
        recurrenceId: at("2027-03-08T09:00").toISOString(),
        scope: "one",
        time: { allDay: false, start: "2027-02-26T09:00", end: "2027-02-26T10:00" },
        title: "Team meeting",
      }),
    ).toMatchObject({ ok: false, code: "invalid", error: expect.stringMatching(/before the series' first/) });
    expect((await rows(id)).overrides).toEqual([]);
  });
});

describe("who may change a series", () => {
  it("refuses a colleague without a grant, for a normal and a private series, and changes nothing; an assistant with 'may edit' may", async () => {
    const db = await testDb();
    const owner = await makeUser(db, { timeZone: WARSAW });
    const stranger = await makeUser(db, { timeZone: WARSAW });
    const assistant = await makeUser(db, { timeZone: WARSAW });
    const normal = await mondays(owner.viewer);
    const secret = await mondays(owner.viewer, { visibility: "private", title: "Therapy" });
    const recurrenceId = at("2027-03-08T09:00").toISOString();
    const time = { allDay: false, start: "2027-03-08T12:00", end: "2027-03-08T13:00" } as const;

    actAs(stranger.viewer);
    for (const id of [normal, secret]) {
      for (const scope of ["one", "following", "all"] as const) {
        expect(await changeOccurrenceAction({ id, recurrenceId, scope, time, title: "Hijacked" })).toMatchObject({ ok: false });
        expect(await deleteOccurrenceAction({ id, recurrenceId, scope })).toMatchObject({ ok: false });
      }
    }
    // A private series answers a stranger as an unknown id does.
    expect(await deleteOccurrenceAction({ id: secret, recurrenceId, scope: "one" })).toMatchObject({ ok: false, code: "not_found" });
    for (const id of [normal, secret]) {
      const { entry, overrides } = await rows(id);
      expect([entry.cancelledAt, entry.recurrenceUntil, entry.version, overrides]).toEqual([null, null, 1, []]);
    }
    expect((await entryForViewer(db, stranger.viewer, secret)).repeat).toBeNull();
    expect((await shown(stranger.viewer, [owner.id])).filter((s) => s.endsWith("Busy"))).toHaveLength(5);

    await db.insert(calendarGrants).values({ ownerId: owner.id, granteeId: assistant.id, canEdit: true });
    actAs(assistant.viewer);
    expect(await deleteOccurrenceAction({ id: normal, recurrenceId, scope: "one" })).toMatchObject({ ok: true });
    expect((await rows(normal)).overrides).toHaveLength(1);
  });
});
