import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bookings, notifications, resourceDepartments, resources, users } from "@/db/schema";
import { Conflict } from "@/lib/action/errors";
import { runUnit } from "@/lib/effects/unit";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeDepartment, makeEntry, makeUser } from "@/lib/testing/factories";
import {
  bookResourceAction,
  cancelBookingAction,
  changeBookingAction,
  createResourceAction,
  restoreBookingAction,
  retireResourceAction,
  updateResourceAction,
} from "./actions";
import { bookResource, overlappingLiveBookings } from "./commands";
import type { ConflictDetails } from "./conflicts";

const DAY = "2027-03-02";
const at = (hhmm: string, day = DAY) => `${day}T${hhmm}`;

async function resourceRow(id: string) {
  const db = await testDb();
  const [row] = await db.select().from(resources).where(eq(resources.id, id));
  return row!;
}

async function bookingRow(id: string) {
  const db = await testDb();
  const [row] = await db.select().from(bookings).where(eq(bookings.id, id));
  return row!;
}

async function liveBookingsOf(resourceId: string) {
  const db = await testDb();
  return db
    .select()
    .from(bookings)
    .where(and(eq(bookings.resourceId, resourceId), sql`${bookings.cancelledAt} IS NULL`))
    .orderBy(bookings.startsAt);
}

/** An admin, two colleagues, and two rooms of one floor (plus a van elsewhere), made by the admin. */
async function office() {
  const db = await testDb();
  const admin = await makeUser(db, { role: "admin" });
  const anna = await makeUser(db);
  const bartek = await makeUser(db);
  const floor = `Piętro ${randomUUID().slice(0, 6)}`;
  actAs(admin.viewer);
  const make = async (name: string, extra: Record<string, unknown> = {}) => {
    const made = await createResourceAction({ name: `${name} ${randomUUID().slice(0, 6)}`, kind: "room", location: floor, capacity: 8, ...extra });
    if (!made.ok) throw new Error(`setup: ${made.error} ${JSON.stringify(made.fieldErrors)}`);
    return resourceRow(made.data.id);
  };
  const room = await make("Kopernik");
  const spare = await make("Skłodowska");
  return { db, admin, anna, bartek, floor, room, spare, make };
}

async function book(viewer: { id: string } & Parameters<typeof actAs>[0], resourceId: string, from: string, to: string, purpose = "Spotkanie z klientem") {
  actAs(viewer);
  return bookResourceAction({ resourceId, start: at(from), end: at(to), purpose });
}

describe("managing resources", () => {
  it("lets an admin create, edit and retire a resource, and refuses a colleague every one of these with nothing written", async () => {
    const { db, anna, admin, room } = await office();
    const countBefore = (await db.select({ n: sql<number>`count(*)::int` }).from(resources))[0]!.n;

    actAs(anna.viewer);
    expect(await createResourceAction({ name: `Sala ${randomUUID()}`, kind: "room" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await updateResourceAction({ id: room.id, name: "Przejęta", kind: "vehicle" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await retireResourceAction({ id: room.id })).toMatchObject({ ok: false, code: "forbidden" });
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(resources))[0]!.n).toBe(countBefore);
    expect(await resourceRow(room.id)).toEqual(room);

    actAs(admin.viewer);
    expect(await updateResourceAction({ id: room.id, name: room.name, kind: "room", location: room.location, maxBookingMinutes: 120 })).toMatchObject({
      ok: true,
    });
    expect(await resourceRow(room.id)).toMatchObject({ maxBookingMinutes: 120, capacity: null });
    expect(await retireResourceAction({ id: room.id })).toMatchObject({ ok: true, data: { cancelled: 0 } });
    expect((await resourceRow(room.id)).retiredAt).not.toBeNull();
  });

  it("answers bad input with clear field errors and writes nothing", async () => {
    const { db, admin, room } = await office();
    actAs(admin.viewer);
    const name = `Sala ${randomUUID()}`;
    const halfHours = await createResourceAction({ name, kind: "room", bookableFrom: "08:00" });
    expect(halfHours).toMatchObject({ ok: false, code: "invalid", fieldErrors: { bookableUntil: ["Give both ends of the bookable hours, or neither."] } });
    const badKind = await createResourceAction({ name, kind: "spaceship" as "room" });
    expect(badKind).toMatchObject({ ok: false, code: "invalid" });
    const onlyNobody = await createResourceAction({ name, kind: "room", departmentsOnly: true });
    expect(onlyNobody).toMatchObject({ ok: false, fieldErrors: { departmentIds: ["Choose at least one department, or let everyone book."] } });
    const sameName = await createResourceAction({ name: room.name.toUpperCase(), kind: "device" });
    expect(sameName).toMatchObject({ ok: false, fieldErrors: { name: ["Another resource already has this name."] } });
    expect(await db.select().from(resources).where(eq(resources.name, name))).toEqual([]);
  });
});

describe("booking a resource", () => {
  it("lets back-to-back bookings stand and refuses an overlap with who booked it, a free room of the same kind and place, and the next free slot", async () => {
    const { anna, bartek, room, spare, make } = await office();
    // Of the same kind and floor: one bookable all working day, one only in the morning (not at 10:30, in the organisation's zone).
    const allDay = await make("Całodniowa", { bookableFrom: "08:00", bookableUntil: "18:00" });
    await make("Poranna", { bookableFrom: "07:00", bookableUntil: "10:00" });
    expect(await book(anna.viewer, room.id, "10:00", "11:00")).toMatchObject({ ok: true });
    expect(await book(bartek.viewer, room.id, "11:00", "12:00")).toMatchObject({ ok: true });

    const clash = await book(bartek.viewer, room.id, "10:30", "11:30");
    expect(clash).toMatchObject({ ok: false, code: "conflict" });
    if (clash.ok) return;
    expect(clash.error).toContain(room.name);
    expect(clash.error).toContain(anna.name);
    const details = (clash as { details?: ConflictDetails }).details!;
    expect(details.alternatives).toEqual([
      { id: allDay.id, name: allDay.name },
      { id: spare.id, name: spare.name },
    ]);
    // 10:30 Warsaw is 09:30Z; the room is taken until 12:00 Warsaw (11:00Z), free for an hour from then.
    expect(details.nextFree).toEqual({ start: "2027-03-02T11:00:00.000Z", end: "2027-03-02T12:00:00.000Z" });
    expect(await liveBookingsOf(room.id)).toHaveLength(2);
  });

  it("says only 'busy' when the booking belongs to a private calendar entry", async () => {
    const { db, anna, bartek, room } = await office();
    const made = await book(anna.viewer, room.id, "10:00", "11:00", "Rozmowa poufna");
    if (!made.ok) throw new Error(made.error);
    const entry = await makeEntry(db, anna.id, {
      title: "Poufne",
      visibility: "private",
      startsAt: new Date("2027-03-02T09:00Z"),
      endsAt: new Date("2027-03-02T10:00Z"),
    });
    await db.update(bookings).set({ entryId: entry.id }).where(eq(bookings.id, made.data.id));

    const clash = await book(bartek.viewer, room.id, "10:15", "10:45");
    expect(clash).toMatchObject({ ok: false, code: "conflict" });
    if (clash.ok) return;
    expect(clash.error).toMatch(/is busy from/);
    expect(clash.error).not.toContain(anna.name);
    expect(JSON.stringify(clash)).not.toContain(anna.name);
    expect(JSON.stringify(clash)).not.toContain("Poufne");
  });

  it("lets only the booker and admins change or cancel a booking; a colleague is refused and the row stays", async () => {
    const { admin, anna, bartek, room } = await office();
    const made = await book(anna.viewer, room.id, "10:00", "11:00");
    if (!made.ok) throw new Error(made.error);
    const before = await bookingRow(made.data.id);

    actAs(bartek.viewer);
    expect(await changeBookingAction({ id: made.data.id, start: at("14:00"), end: at("15:00"), purpose: "Moje" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await cancelBookingAction({ id: made.data.id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await bookingRow(made.data.id)).toEqual(before);

    actAs(anna.viewer);
    expect(await changeBookingAction({ id: made.data.id, start: at("13:00"), end: at("14:30"), purpose: "Przesunięte" })).toMatchObject({ ok: true });
    expect(await bookingRow(made.data.id)).toMatchObject({
      startsAt: new Date("2027-03-02T12:00Z"),
      endsAt: new Date("2027-03-02T13:30Z"),
      purpose: "Przesunięte",
    });

    actAs(admin.viewer);
    expect(await cancelBookingAction({ id: made.data.id })).toMatchObject({ ok: true });
    expect((await bookingRow(made.data.id)).cancelledById).toBe(admin.id);
    const db = await testDb();
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, anna.id), eq(notifications.kind, "resource.bookingCancelled")));
    expect(told).toHaveLength(1);
    expect(told[0]!.title).toContain(room.name);
  });

  it("refuses moving a booking onto another and keeps it where it was; cancelling frees the slot", async () => {
    const { anna, bartek, room } = await office();
    const first = await book(anna.viewer, room.id, "10:00", "11:00");
    const second = await book(anna.viewer, room.id, "12:00", "13:00");
    if (!first.ok || !second.ok) throw new Error("setup");
    const before = await bookingRow(second.data.id);

    actAs(anna.viewer);
    const moved = await changeBookingAction({ id: second.data.id, start: at("10:30"), end: at("11:30"), purpose: "Spotkanie" });
    expect(moved).toMatchObject({ ok: false, code: "conflict" });
    expect(await bookingRow(second.data.id)).toEqual(before);
    // A booking moved within its own time does not stand in its own way.
    expect(await changeBookingAction({ id: second.data.id, start: at("12:30"), end: at("13:30"), purpose: "Spotkanie" })).toMatchObject({ ok: true });

    expect(await cancelBookingAction({ id: first.data.id })).toMatchObject({ ok: true });
    expect(await book(bartek.viewer, room.id, "10:00", "11:00")).toMatchObject({ ok: true });
  });

  it("restores a cancelled booking while its time is free; a stranger, a slot taken meanwhile and a meeting's room are refused and nothing changes", async () => {
    const { admin, anna, bartek, room } = await office();
    const made = await book(anna.viewer, room.id, "10:00", "11:00");
    if (!made.ok) throw new Error(made.error);
    expect(await cancelBookingAction({ id: made.data.id })).toMatchObject({ ok: true });
    const cancelled = await bookingRow(made.data.id);

    actAs(bartek.viewer);
    expect(await restoreBookingAction({ id: made.data.id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await bookingRow(made.data.id)).toEqual(cancelled);

    actAs(anna.viewer);
    expect(await restoreBookingAction({ id: made.data.id })).toMatchObject({ ok: true });
    expect(await bookingRow(made.data.id)).toMatchObject({ cancelledAt: null, cancelledById: null, startsAt: cancelled.startsAt });
    // Restoring what is live already changes nothing.
    expect(await restoreBookingAction({ id: made.data.id })).toMatchObject({ ok: true });

    // Cancelled again, and Bartek takes part of the time: the restore names him, the booking stays cancelled.
    expect(await cancelBookingAction({ id: made.data.id })).toMatchObject({ ok: true });
    expect(await book(bartek.viewer, room.id, "10:30", "11:30")).toMatchObject({ ok: true });
    const again = await bookingRow(made.data.id);
    actAs(anna.viewer);
    const refused = await restoreBookingAction({ id: made.data.id });
    expect(refused).toMatchObject({ ok: false, code: "conflict" });
    if (!refused.ok) expect(refused.error).toContain(bartek.name);
    expect(await bookingRow(made.data.id)).toEqual(again);
    expect(await liveBookingsOf(room.id)).toHaveLength(1);

    // A meeting's room comes back with the meeting only.
    const other = await book(anna.viewer, room.id, "14:00", "15:00");
    if (!other.ok) throw new Error(other.error);
    const db = await testDb();
    const entry = await makeEntry(db, anna.id, { title: "Spotkanie", startsAt: new Date("2027-03-02T13:00Z"), endsAt: new Date("2027-03-02T14:00Z") });
    await db.update(bookings).set({ entryId: entry.id }).where(eq(bookings.id, other.data.id));
    actAs(admin.viewer);
    expect(await cancelBookingAction({ id: other.data.id })).toMatchObject({ ok: true });
    actAs(anna.viewer);
    expect(await restoreBookingAction({ id: other.data.id })).toMatchObject({ ok: false, code: "invalid" });
    expect((await bookingRow(other.data.id)).cancelledAt).not.toBeNull();
  });

  it("refuses what the rules forbid with clear messages and writes nothing", async () => {
    const { db, anna, bartek, make } = await office();
    const sales = await makeDepartment(db);
    await db.update(users).set({ departmentId: sales.id }).where(eq(users.id, anna.id));
    anna.viewer.departmentId = sales.id;
    const limited = await make("Limitowana", { maxBookingMinutes: 60, bookableFrom: "08:00", bookableUntil: "18:00" });
    const salesOnly = await make("Handlowa", { departmentsOnly: true, departmentIds: [sales.id] });
    expect(await db.select().from(resourceDepartments).where(eq(resourceDepartments.resourceId, salesOnly.id))).toHaveLength(1);

    const tooLong = await book(anna.viewer, limited.id, "10:00", "11:30");
    expect(tooLong).toMatchObject({ ok: false, code: "invalid", error: `${limited.name} can be booked for at most 1 h at a time.` });
    const tooLate = await book(anna.viewer, limited.id, "17:30", "18:30");
    expect(tooLate).toMatchObject({ ok: false, code: "invalid", error: `${limited.name} can be booked only between 08:00 and 18:00 (Europe/Warsaw time).` });
    expect(await book(bartek.viewer, salesOnly.id, "10:00", "11:00")).toMatchObject({ ok: false, code: "forbidden" });
    const reversed = await book(anna.viewer, limited.id, "11:00", "10:00");
    expect(reversed).toMatchObject({ ok: false, code: "invalid", fieldErrors: { end: ["The end must be after the start."] } });
    const blank = await book(anna.viewer, limited.id, "10:00", "11:00", "   ");
    expect(blank).toMatchObject({ ok: false, code: "invalid", fieldErrors: { purpose: ["This field is required."] } });
    expect(await liveBookingsOf(limited.id)).toEqual([]);
    expect(await liveBookingsOf(salesOnly.id)).toEqual([]);

    expect(await book(anna.viewer, salesOnly.id, "10:00", "11:00")).toMatchObject({ ok: true });
    expect(await book(anna.viewer, limited.id, "17:00", "18:00")).toMatchObject({ ok: true });
  });

  it("retires a resource with future bookings only when the admin chose to cancel them, then tells the bookers; it takes no new bookings", async () => {
    const { db, admin, anna, bartek, room } = await office();
    const a = await book(anna.viewer, room.id, "10:00", "11:00");
    const b = await book(bartek.viewer, room.id, "12:00", "13:00");
    if (!a.ok || !b.ok) throw new Error("setup");

    actAs(admin.viewer);
    const refused = await retireResourceAction({ id: room.id });
    expect(refused).toMatchObject({ ok: false, code: "conflict" });
    expect(refused.ok ? "" : refused.error).toContain("2 bookings");
    expect((await resourceRow(room.id)).retiredAt).toBeNull();
    expect(await liveBookingsOf(room.id)).toHaveLength(2);

    expect(await retireResourceAction({ id: room.id, futureBookings: "cancel" })).toMatchObject({ ok: true, data: { cancelled: 2 } });
    expect(await liveBookingsOf(room.id)).toEqual([]);
    for (const person of [anna, bartek]) {
      const told = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.recipientId, person.id), eq(notifications.kind, "resource.bookingCancelled")));
      expect(told, person.name).toHaveLength(1);
      expect(told[0]!.payload).toMatchObject({ reason: "retired", resourceId: room.id });
    }
    expect(await book(anna.viewer, room.id, "15:00", "16:00")).toMatchObject({ ok: false, code: "conflict" });
  });
});

describe("concurrent bookings", () => {
  it("lets exactly one of two overlapping bookings made at once win; the other gets a conflict naming the winner", async () => {
    const { db, anna, bartek, room } = await office();
    const attempt = (viewer: typeof anna.viewer, from: string, to: string) =>
      runUnit(db, viewer, (work) => bookResource(work, { resourceId: room.id, start: at(from), end: at(to), purpose: "Wyścig" }));
    const results = await Promise.allSettled([attempt(anna.viewer, "10:00", "11:00"), attempt(bartek.viewer, "10:30", "11:30")]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(Conflict);
    const winner = results[0]!.status === "fulfilled" ? anna : bartek;
    expect((lost[0]!.reason as Conflict).params).toMatchObject({ bookedBy: winner.name });
    expect(await liveBookingsOf(room.id)).toHaveLength(1);
    expect(await overlappingLiveBookings(db)).toBe(0);
  });
});
