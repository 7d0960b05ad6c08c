import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bookings, calendarEntries, calendarEntryActivity } from "@/db/schema";
import { Conflict } from "@/lib/action/errors";
import { cancelEntryAction, createEntryAction, grantCalendarAccessAction, moveEntryAction, updateEntryAction } from "@/lib/calendar/actions";
import { moveEntry } from "@/lib/calendar/commands";
import { runUnit } from "@/lib/effects/unit";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeDepartment, makeUser } from "@/lib/testing/factories";
import { bookResourceAction, changeBookingAction, createResourceAction, retireResourceAction } from "./actions";
import { overlappingLiveBookings } from "./commands";
import type { ConflictDetails } from "./conflicts";
import { resourcesOfEntry } from "./entry-bookings";
import { bookingsInWindow } from "./queries";

const DAY = "2027-03-02";
const at = (hhmm: string, day = DAY) => `${day}T${hhmm}`;
const timed = (from: string, to: string, day = DAY) => ({ allDay: false as const, start: at(from, day), end: at(to, day) });

async function entryRow(id: string) {
  const db = await testDb();
  const [row] = await db.select().from(calendarEntries).where(eq(calendarEntries.id, id));
  return row!;
}

async function bookingsOfEntry(entryId: string) {
  const db = await testDb();
  return db.select().from(bookings).where(eq(bookings.entryId, entryId)).orderBy(bookings.resourceId);
}

async function liveBookingsOfEntry(entryId: string) {
  const db = await testDb();
  return db
    .select()
    .from(bookings)
    .where(and(eq(bookings.entryId, entryId), isNull(bookings.cancelledAt)))
    .orderBy(bookings.resourceId);
}

/** An admin, two colleagues (Warsaw), a room and a projector on one floor, and a spare room there. */
async function office() {
  const db = await testDb();
  const zone = { timeZone: "Europe/Warsaw", locale: "en" as const };
  const admin = await makeUser(db, { ...zone, role: "admin" });
  const anna = await makeUser(db, zone);
  const bartek = await makeUser(db, zone);
  const floor = `Piętro ${randomUUID().slice(0, 6)}`;
  actAs(admin.viewer);
  const make = async (name: string, kind: "room" | "device", extra: Record<string, unknown> = {}) => {
    const made = await createResourceAction({ name: `${name} ${randomUUID().slice(0, 6)}`, kind, location: floor, ...extra });
    if (!made.ok) throw new Error(`setup: ${made.error}`);
    return { id: made.data.id, name: `${name}` };
  };
  const room = await make("Kopernik", "room");
  const projector = await make("Rzutnik", "device");
  const spare = await make("Skłodowska", "room");
  return { db, admin, anna, bartek, room, projector, spare, make };
}

async function meeting(viewer: Parameters<typeof actAs>[0], resourceIds: string[], from = "10:00", to = "11:00", extra: Record<string, unknown> = {}) {
  actAs(viewer);
  const made = await createEntryAction({ title: "Spotkanie z klientem", time: timed(from, to), resourceIds, ...extra });
  if (!made.ok) throw new Error(`setup: ${made.error}`);
  return made.data.id;
}

describe("an entry's resources", () => {
  it("takes no resource for a time gone by, and the entry is not written; a past entry without one is as before", async () => {
    const { db, anna, room } = await office();
    actAs(anna.viewer);
    const title = `Wczoraj ${randomUUID().slice(0, 6)}`;
    const past = await createEntryAction({ title, time: timed("10:00", "11:00", "2026-01-05"), resourceIds: [room.id] });
    expect(past).toMatchObject({ ok: false, code: "invalid", fieldErrors: { resourceIds: ["This time has already passed."] } });
    expect(await db.select().from(calendarEntries).where(eq(calendarEntries.title, title))).toEqual([]);
    expect(await createEntryAction({ title, time: timed("10:00", "11:00", "2026-01-05") })).toMatchObject({ ok: true });
  });

  it("books each resource for the entry's time with its title, and lists them for the entry", async () => {
    const { db, anna, room, projector } = await office();
    const id = await meeting(anna.viewer, [room.id, projector.id, room.id]);
    const rows = await liveBookingsOfEntry(id);
    expect(rows).toHaveLength(2);
    for (const b of rows) {
      expect(b).toMatchObject({ purpose: "Spotkanie z klientem", bookedById: anna.id, entryId: id });
      expect(b.startsAt.toISOString()).toBe("2027-03-02T09:00:00.000Z");
      expect(b.endsAt.toISOString()).toBe("2027-03-02T10:00:00.000Z");
    }
    expect((await resourcesOfEntry(db, id)).map((r) => r.id).sort()).toEqual([room.id, projector.id].sort());
    // The room's calendar links the booking to its meeting.
    const shown = await bookingsInWindow(db, anna.viewer, room.id, new Date("2027-03-02T00:00Z"), new Date("2027-03-03T00:00Z"));
    expect(shown).toEqual([expect.objectContaining({ busy: false, purpose: "Spotkanie z klientem", entryId: id })]);
  });

  it("moves every booking with the entry (drag or Move…) and with the edit form, the title becoming their purpose", async () => {
    const { anna, room, projector } = await office();
    const id = await meeting(anna.viewer, [room.id, projector.id]);
    expect(await moveEntryAction({ id, time: timed("14:00", "15:30") })).toMatchObject({ ok: true });
    for (const b of await liveBookingsOfEntry(id)) {
      expect([b.startsAt.toISOString(), b.endsAt.toISOString()]).toEqual(["2027-03-02T13:00:00.000Z", "2027-03-02T14:30:00.000Z"]);
    }
    expect(await updateEntryAction({ id, title: "Przegląd umowy", time: timed("08:00", "09:00") })).toMatchObject({ ok: true });
    const rows = await liveBookingsOfEntry(id);
    expect(rows).toHaveLength(2);
    for (const b of rows)
      expect(b).toMatchObject({ purpose: "Przegląd umowy", startsAt: new Date("2027-03-02T07:00Z"), endsAt: new Date("2027-03-02T08:00Z") });
  });

  it("refuses a move when the second resource is taken: nothing moves, and the message names the resource, its booker and an alternative", async () => {
    const { anna, bartek, room, projector } = await office();
    const id = await meeting(anna.viewer, [room.id, projector.id]);
    actAs(bartek.viewer);
    expect(await bookResourceAction({ resourceId: projector.id, start: at("14:30"), end: at("15:30"), purpose: "Prezentacja" })).toMatchObject({ ok: true });
    const entryBefore = await entryRow(id);
    const bookingsBefore = await bookingsOfEntry(id);

    actAs(anna.viewer);
    const moved = await moveEntryAction({ id, time: timed("14:00", "15:00") });
    expect(moved).toMatchObject({ ok: false, code: "conflict" });
    if (moved.ok) return;
    expect(moved.error).toContain(projector.name);
    expect(moved.error).toContain(bartek.name);
    const details = (moved as { details?: ConflictDetails }).details!;
    expect(details.nextFree).toEqual({ start: "2027-03-02T14:30:00.000Z", end: "2027-03-02T15:30:00.000Z" });
    expect(await entryRow(id)).toEqual(entryBefore);
    expect(await bookingsOfEntry(id)).toEqual(bookingsBefore);

    // The edit form is refused the same way, its title change too.
    const edited = await updateEntryAction({ id, title: "Nowy tytuł", time: timed("14:00", "15:00"), resourceIds: [room.id, projector.id] });
    expect(edited).toMatchObject({ ok: false, code: "conflict" });
    expect(await entryRow(id)).toEqual(entryBefore);
    expect(await bookingsOfEntry(id)).toEqual(bookingsBefore);
  });

  it("offers a free room of the same kind and place when the entry's room is taken", async () => {
    const { anna, bartek, room, spare } = await office();
    await meeting(bartek.viewer, [room.id], "10:00", "11:00");
    actAs(anna.viewer);
    const clash = await createEntryAction({ title: "Demo", time: timed("10:30", "11:30"), resourceIds: [room.id] });
    expect(clash).toMatchObject({ ok: false, code: "conflict" });
    if (clash.ok) return;
    expect((clash as { details?: ConflictDetails }).details!.alternatives.map((a) => a.id)).toContain(spare.id);
  });

  it("says only 'busy' about a room held by someone's private entry", async () => {
    const { anna, bartek, room } = await office();
    await meeting(bartek.viewer, [room.id], "10:00", "11:00", { visibility: "private", title: "Poufna rozmowa" });
    actAs(anna.viewer);
    const clash = await createEntryAction({ title: "Demo", time: timed("10:30", "11:30"), resourceIds: [room.id] });
    expect(clash).toMatchObject({ ok: false, code: "conflict" });
    expect(JSON.stringify(clash)).not.toContain(bartek.name);
    expect(JSON.stringify(clash)).not.toContain("Poufna");
    // The room's calendar says the same: busy, no booker, no purpose.
    const shown = await bookingsInWindow(await testDb(), anna.viewer, room.id, new Date("2027-03-02T00:00Z"), new Date("2027-03-03T00:00Z"));
    expect(shown).toEqual([expect.objectContaining({ busy: true, bookedBy: null, purpose: null, entryId: null, canChange: false })]);
  });

  it("frees the resources when the entry is cancelled, and when it is deleted", async () => {
    const { db, anna, bartek, room, projector } = await office();
    const id = await meeting(anna.viewer, [room.id, projector.id]);
    actAs(anna.viewer);
    expect(await cancelEntryAction({ id })).toMatchObject({ ok: true });
    const rows = await bookingsOfEntry(id);
    expect(rows).toHaveLength(2);
    expect(rows.every((b) => b.cancelledAt !== null && b.cancelledById === anna.id)).toBe(true);
    const taken = await meeting(bartek.viewer, [room.id, projector.id]);
    expect(await liveBookingsOfEntry(taken)).toHaveLength(2);

    await db.delete(calendarEntries).where(eq(calendarEntries.id, taken));
    expect(await bookingsOfEntry(taken)).toEqual([]);
    expect(await liveBookingsOfEntry(await meeting(anna.viewer, [room.id]))).toHaveLength(1);
  });

  it("cancels the booking of a resource removed from the entry and keeps the other; the history names them", async () => {
    const { anna, room, projector } = await office();
    const id = await meeting(anna.viewer, [room.id, projector.id]);
    expect(await updateEntryAction({ id, title: "Spotkanie z klientem", time: timed("10:00", "11:00"), resourceIds: [room.id] })).toMatchObject({ ok: true });
    const rows = await bookingsOfEntry(id);
    expect(rows.find((b) => b.resourceId === projector.id)!.cancelledAt).not.toBeNull();
    expect(rows.find((b) => b.resourceId === room.id)!.cancelledAt).toBeNull();
    const db = await testDb();
    const history = await db
      .select()
      .from(calendarEntryActivity)
      .where(and(eq(calendarEntryActivity.entryId, id), eq(calendarEntryActivity.field, "resources")));
    expect(history).toHaveLength(1);
    expect(history[0]!.oldValue).toContain(projector.name);
    expect(history[0]!.newValue).not.toContain(projector.name);
    // A form that sends no resources leaves them as they are.
    expect(await updateEntryAction({ id, title: "Spotkanie", time: timed("10:00", "11:00") })).toMatchObject({ ok: true });
    expect((await liveBookingsOfEntry(id)).map((b) => b.resourceId)).toEqual([room.id]);
  });

  it("refuses resources on an all-day entry, and turning an entry with resources into an all-day one, writing nothing", async () => {
    const { db, anna, room } = await office();
    actAs(anna.viewer);
    const title = `Cały dzień ${randomUUID()}`;
    const allDay = await createEntryAction({ title, time: { allDay: true, startDate: DAY, endDate: DAY }, resourceIds: [room.id] });
    expect(allDay).toMatchObject({ ok: false, code: "invalid", fieldErrors: { resourceIds: [expect.stringContaining("by the hour")] } });
    expect(await db.select().from(calendarEntries).where(eq(calendarEntries.title, title))).toEqual([]);

    const id = await meeting(anna.viewer, [room.id]);
    const before = await entryRow(id);
    expect(await moveEntryAction({ id, time: { allDay: true, startDate: DAY, endDate: DAY } })).toMatchObject({ ok: false, code: "invalid" });
    expect(await entryRow(id)).toEqual(before);
    expect(await liveBookingsOfEntry(id)).toHaveLength(1);
  });

  it("applies the resource's rules to the entry's time and names the resource", async () => {
    const { anna, make } = await office();
    const short = await make("Krótka", "room", { maxBookingMinutes: 60 });
    actAs(anna.viewer);
    const tooLong = await createEntryAction({ title: "Warsztat", time: timed("10:00", "12:00"), resourceIds: [short.id] });
    expect(tooLong).toMatchObject({ ok: false, code: "invalid" });
    if (!tooLong.ok) expect(tooLong.error).toContain(short.name);
    const id = await meeting(anna.viewer, [short.id], "10:00", "11:00");
    const before = await liveBookingsOfEntry(id);
    expect(await moveEntryAction({ id, time: timed("10:00", "13:00") })).toMatchObject({ ok: false, code: "invalid" });
    expect(await liveBookingsOfEntry(id)).toEqual(before);
  });

  it("refuses an unknown or retired resource with a clear message and writes no entry", async () => {
    const { db, admin, anna, room } = await office();
    actAs(anna.viewer);
    const title = `Nieznany zasób ${randomUUID()}`;
    const unknown = await createEntryAction({ title, time: timed("10:00", "11:00"), resourceIds: [randomUUID()] });
    expect(unknown).toMatchObject({ ok: false, code: "not_found", error: "This resource does not exist." });
    const notAnId = await createEntryAction({ title, time: timed("10:00", "11:00"), resourceIds: ["sala"] });
    expect(notAnId).toMatchObject({ ok: false, code: "invalid" });
    actAs(admin.viewer);
    expect(await retireResourceAction({ id: room.id })).toMatchObject({ ok: true });
    actAs(anna.viewer);
    const retired = await createEntryAction({ title, time: timed("10:00", "11:00"), resourceIds: [room.id] });
    expect(retired).toMatchObject({ ok: false, code: "conflict" });
    if (!retired.ok) expect(retired.error).toContain(room.name);
    expect(await db.select().from(calendarEntries).where(eq(calendarEntries.title, title))).toEqual([]);
  });

  it("keeps a meeting's booking from being moved apart from its entry", async () => {
    const { anna, room } = await office();
    const id = await meeting(anna.viewer, [room.id]);
    const [booking] = await liveBookingsOfEntry(id);
    actAs(anna.viewer);
    expect(await changeBookingAction({ id: booking!.id, start: at("15:00"), end: at("16:00"), purpose: "Osobno" })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await liveBookingsOfEntry(id)).toEqual([booking]);
  });
});

describe("who may change an entry's resources", () => {
  it("refuses a colleague without rights adding resources to someone else's entry or moving them; an editor may", async () => {
    const { anna, bartek, room, projector, spare } = await office();
    const id = await meeting(anna.viewer, [room.id]);
    const entryBefore = await entryRow(id);
    const bookingsBefore = await bookingsOfEntry(id);

    actAs(bartek.viewer);
    expect(await updateEntryAction({ id, title: "Spotkanie z klientem", time: timed("10:00", "11:00"), resourceIds: [room.id, projector.id] })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await moveEntryAction({ id, time: timed("16:00", "17:00") })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await cancelEntryAction({ id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await createEntryAction({ ownerId: anna.id, title: "Cudzy", time: timed("12:00", "13:00"), resourceIds: [spare.id] })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await entryRow(id)).toEqual(entryBefore);
    expect(await bookingsOfEntry(id)).toEqual(bookingsBefore);
    expect(await liveBookingsOfEntry(id)).toHaveLength(1);

    actAs(anna.viewer);
    expect(await grantCalendarAccessAction({ granteeId: bartek.id, canEdit: true })).toMatchObject({ ok: true });
    actAs(bartek.viewer);
    expect(await updateEntryAction({ id, title: "Spotkanie z klientem", time: timed("10:00", "11:00"), resourceIds: [room.id, projector.id] })).toMatchObject({
      ok: true,
    });
    expect(await liveBookingsOfEntry(id)).toHaveLength(2);
  });

  it("refuses a resource only chosen departments may book to someone outside them", async () => {
    const { db, anna, make } = await office();
    // A department nobody in this test belongs to.
    const dept = await makeDepartment(db);
    const closed = await make("Zamknięta", "room", { departmentsOnly: true, departmentIds: [dept!.id] });
    actAs(anna.viewer);
    const title = `Zamknięte ${randomUUID()}`;
    expect(await createEntryAction({ title, time: timed("10:00", "11:00"), resourceIds: [closed.id] })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await db.select().from(calendarEntries).where(eq(calendarEntries.title, title))).toEqual([]);
  });
});

describe("entries moved at once", () => {
  it("lets one of two conflicting moves win; the other gets a conflict, never an internal error", async () => {
    const { db, anna, bartek, room, projector } = await office();
    const first = await meeting(anna.viewer, [room.id, projector.id], "08:00", "09:00");
    const second = await meeting(bartek.viewer, [projector.id, room.id], "12:00", "13:00");
    const move = (viewer: typeof anna.viewer, id: string) => runUnit(db, viewer, (work) => moveEntry(work, { id, time: timed("10:00", "11:00") }));
    const results = await Promise.allSettled([move(anna.viewer, first), move(bartek.viewer, second)]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(Conflict);
    const loser = results[0]!.status === "fulfilled" ? second : first;
    const loserStart = loser === first ? "2027-03-02T07:00:00.000Z" : "2027-03-02T11:00:00.000Z";
    expect((await entryRow(loser)).startsAt!.toISOString()).toBe(loserStart);
    for (const b of await liveBookingsOfEntry(loser)) expect(b.startsAt.toISOString()).toBe(loserStart);
    expect(await overlappingLiveBookings(db)).toBe(0);
  });

  it("lets exactly one of six entries moved onto the same time with the same two resources win; the rest get conflicts and stay where they were", async () => {
    const { db, anna, bartek, room, projector } = await office();
    const hours = ["06:00", "07:00", "08:00", "12:00", "13:00", "14:00"];
    // Made one after another: the acting viewer is one for the whole test file.
    const entries: { id: string; viewer: typeof anna.viewer }[] = [];
    for (const [i, from] of hours.entries()) {
      const viewer = i % 2 ? bartek.viewer : anna.viewer;
      const to = `${String(Number(from.slice(0, 2)) + 1).padStart(2, "0")}:00`;
      entries.push({ id: await meeting(viewer, [room.id, projector.id], from, to), viewer });
    }
    const before = await Promise.all(entries.map((e) => liveBookingsOfEntry(e.id)));
    const results = await Promise.allSettled(entries.map((e) => runUnit(db, e.viewer, (work) => moveEntry(work, { id: e.id, time: timed("10:00", "11:00") }))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const [i, r] of results.entries()) {
      if (r.status === "fulfilled") continue;
      expect(r.reason).toBeInstanceOf(Conflict);
      expect(await liveBookingsOfEntry(entries[i]!.id)).toEqual(before[i]);
    }
    expect(await overlappingLiveBookings(db)).toBe(0);
  });
});
