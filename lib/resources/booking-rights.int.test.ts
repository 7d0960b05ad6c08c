import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bookings, calendarEntries, calendarEntryActivity, notifications } from "@/db/schema";
import { createEntryAction, grantCalendarAccessAction, moveEntryAction, updateEntryAction } from "@/lib/calendar/actions";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeDepartment, makeUser } from "@/lib/testing/factories";
import { bookResourceAction, cancelBookingAction, changeBookingAction, createResourceAction } from "./actions";
import { bookingsInWindow } from "./queries";

const DAY = "2027-04-06";
const at = (hhmm: string) => `${DAY}T${hhmm}`;
const timed = (from: string, to: string) => ({ allDay: false as const, start: at(from), end: at(to) });
const zone = { timeZone: "Europe/Warsaw", locale: "en" as const };

type Person = Awaited<ReturnType<typeof makeUser>>;

/** Service and sales departments, people in each, an admin, two rooms and the service-only van on one floor. */
async function company() {
  const db = await testDb();
  const service = await makeDepartment(db);
  const sales = await makeDepartment(db);
  const admin = await makeUser(db, { ...zone, role: "admin" });
  const head = await makeUser(db, { ...zone, departmentId: service.id, name: `Head of service ${randomUUID().slice(0, 4)}` });
  const mechanic = await makeUser(db, { ...zone, departmentId: service.id });
  const assistant = await makeUser(db, { ...zone, departmentId: sales.id });
  const seller = await makeUser(db, { ...zone, departmentId: sales.id });
  const stranger = await makeUser(db, zone);
  const floor = `Floor ${randomUUID().slice(0, 6)}`;
  actAs(admin.viewer);
  const make = async (name: string, kind: "room" | "vehicle", extra: Record<string, unknown> = {}) => {
    const made = await createResourceAction({ name: `${name} ${randomUUID().slice(0, 6)}`, kind, location: floor, ...extra });
    if (!made.ok) throw new Error(`setup: ${made.error}`);
    return made.data.id;
  };
  const room = await make("Kopernik", "room");
  const projectorRoom = await make("Curie", "room");
  const van = await make("Service van", "vehicle", { departmentsOnly: true, departmentIds: [service.id] });
  return { db, service, sales, admin, head, mechanic, assistant, seller, stranger, room, projectorRoom, van };
}

async function grant(owner: Person, grantee: Person, rights: { canEdit?: boolean; canSeePrivate?: boolean }) {
  actAs(owner.viewer);
  const granted = await grantCalendarAccessAction({ granteeId: grantee.id, ...rights });
  if (!granted.ok) throw new Error(`setup: ${granted.error}`);
}

async function meeting(owner: Person, resourceIds: string[], extra: Record<string, unknown> = {}) {
  actAs(owner.viewer);
  const made = await createEntryAction({ title: `Meeting ${randomUUID().slice(0, 6)}`, time: timed("10:00", "11:00"), resourceIds, ...extra });
  if (!made.ok) throw new Error(`setup: ${made.error}`);
  return made.data.id;
}

async function liveOf(entryId: string) {
  const db = await testDb();
  return db
    .select()
    .from(bookings)
    .where(and(eq(bookings.entryId, entryId), isNull(bookings.cancelledAt)))
    .orderBy(bookings.resourceId);
}

async function entryRow(id: string) {
  const db = await testDb();
  const [row] = await db.select().from(calendarEntries).where(eq(calendarEntries.id, id));
  return row!;
}

describe("who may change or cancel a meeting's booking", () => {
  it("refuses a stranger, a colleague without a grant and a grantee who may only read, and changes nothing", async () => {
    const { head, mechanic, seller, stranger, room, projectorRoom } = await company();
    await grant(head, seller, { canSeePrivate: true });
    const id = await meeting(head, [room, projectorRoom]);
    const [first] = await liveOf(id);
    const before = { bookings: await liveOf(id), entry: await entryRow(id) };
    for (const who of [stranger, mechanic, seller]) {
      actAs(who.viewer);
      expect(await cancelBookingAction({ id: first!.id })).toMatchObject({ ok: false, code: "forbidden" });
      expect(await changeBookingAction({ id: first!.id, start: at("15:00"), end: at("16:00"), purpose: "Mine" })).toMatchObject({
        ok: false,
        code: "forbidden",
      });
      const [seen] = await bookingsInWindow(await testDb(), who.viewer, first!.resourceId, new Date(`${DAY}T00:00:00Z`), new Date(`${DAY}T23:00:00Z`));
      expect(seen).toMatchObject({ id: first!.id, canChange: false, inEntry: true });
    }
    expect({ bookings: await liveOf(id), entry: await entryRow(id) }).toEqual(before);
  });

  it("lets the organiser, an edit grantee and an admin remove a resource from the meeting, keeping its other bookings; the meeting records it", async () => {
    const { db, admin, head, assistant, room, projectorRoom, van } = await company();
    await grant(head, assistant, { canEdit: true });
    // Booked by the assistant: the organiser, who did not book it, may still remove it.
    actAs(assistant.viewer);
    const made = await createEntryAction({ ownerId: head.id, title: "Fleet review", time: timed("10:00", "11:00"), resourceIds: [room, projectorRoom, van] });
    expect(made).toMatchObject({ ok: true });
    const id = made.ok ? made.data.id : "";
    const byResource = async (resourceId: string) => (await liveOf(id)).find((b) => b.resourceId === resourceId)!;
    const versionBefore = (await entryRow(id)).version;

    for (const [who, resourceId] of [
      [head, room],
      [assistant, projectorRoom],
      [admin, van],
    ] as const) {
      const booking = await byResource(resourceId);
      actAs(who.viewer);
      const [seen] = await bookingsInWindow(db, who.viewer, resourceId, new Date(`${DAY}T00:00:00Z`), new Date(`${DAY}T23:00:00Z`));
      expect(seen).toMatchObject({ id: booking.id, canChange: true, inEntry: true, entryId: id });
      // Its time is the meeting's: changed through the meeting only.
      expect(await changeBookingAction({ id: booking.id, start: at("15:00"), end: at("16:00"), purpose: "Apart" })).toMatchObject({
        ok: false,
        code: "invalid",
      });
      expect(await cancelBookingAction({ id: booking.id })).toMatchObject({ ok: true, data: { entryId: id } });
      const [cancelled] = await db.select().from(bookings).where(eq(bookings.id, booking.id));
      expect(cancelled!.cancelledAt).not.toBeNull();
    }
    expect(await liveOf(id)).toEqual([]);
    const entry = await entryRow(id);
    expect(entry.cancelledAt).toBeNull();
    expect(entry.version).toBe(versionBefore + 3);
    const history = await db
      .select()
      .from(calendarEntryActivity)
      .where(and(eq(calendarEntryActivity.entryId, id), eq(calendarEntryActivity.field, "resources")));
    expect(history.map((h) => h.actorId).sort()).toEqual([admin.id, assistant.id, head.id].sort());
    // The assistant booked them: told of the two the others removed, with the reason.
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, assistant.id), eq(notifications.kind, "resource.bookingCancelled")));
    expect(told.map((n) => (n.payload as { reason: string }).reason)).toEqual(["removedFromEntry", "removedFromEntry"]);
  });

  it("removes only the one resource: the meeting then moves with the rest", async () => {
    const { head, room, projectorRoom } = await company();
    const id = await meeting(head, [room, projectorRoom]);
    const gone = (await liveOf(id)).find((b) => b.resourceId === room)!;
    actAs(head.viewer);
    expect(await cancelBookingAction({ id: gone.id })).toMatchObject({ ok: true });
    expect(await moveEntryAction({ id, time: timed("12:00", "13:00") })).toMatchObject({ ok: true });
    const live = await liveOf(id);
    expect(live.map((b) => [b.resourceId, b.startsAt.toISOString()])).toEqual([[projectorRoom, new Date(`${DAY}T10:00:00Z`).toISOString()]]);
  });

  it("shows a private meeting's booking as busy to an admin, who may still remove it, and in full to the organiser who did not book it", async () => {
    const { db, admin, head, assistant, room } = await company();
    await grant(head, assistant, { canEdit: true, canSeePrivate: true });
    actAs(assistant.viewer);
    const made = await createEntryAction({
      ownerId: head.id,
      title: "Private review",
      time: timed("10:00", "11:00"),
      resourceIds: [room],
      visibility: "private",
    });
    const id = made.ok ? made.data.id : "";
    const window = [new Date(`${DAY}T00:00:00Z`), new Date(`${DAY}T23:00:00Z`)] as const;
    const [toHead] = await bookingsInWindow(db, head.viewer, room, ...window);
    expect(toHead).toMatchObject({ busy: false, purpose: "Private review", entryId: id, canChange: true });
    const [toAdmin] = await bookingsInWindow(db, admin.viewer, room, ...window);
    expect(toAdmin).toMatchObject({ busy: true, purpose: null, bookedBy: null, entryId: null, inEntry: true, canChange: true });
    actAs(admin.viewer);
    expect(await cancelBookingAction({ id: toAdmin!.id })).toMatchObject({ ok: true });
    expect(await liveOf(id)).toEqual([]);
  });
});

describe("who may book a department's resource for a meeting", () => {
  it("lets an assistant from another department with an edit grant book the service van for the head of service's meeting", async () => {
    const { head, assistant, van } = await company();
    await grant(head, assistant, { canEdit: true });
    actAs(assistant.viewer);
    // On their own, the van is not theirs to book.
    expect(await bookResourceAction({ resourceId: van, start: at("13:00"), end: at("14:00"), purpose: "Errand" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    const made = await createEntryAction({ ownerId: head.id, title: "Client visit", time: timed("10:00", "11:00"), resourceIds: [van] });
    expect(made).toMatchObject({ ok: true });
    expect(await liveOf(made.ok ? made.data.id : "")).toHaveLength(1);
  });

  it("refuses the van for a sales organiser's meeting even when a service colleague edits it, naming the organiser; nothing changes", async () => {
    const { mechanic, seller, van, room } = await company();
    await grant(seller, mechanic, { canEdit: true });
    const id = await meeting(seller, [room]);
    const before = { bookings: await liveOf(id), entry: await entryRow(id) };
    actAs(mechanic.viewer);
    const refused = await updateEntryAction({ id, title: before.entry.title, time: timed("10:00", "11:00"), resourceIds: [room, van] });
    expect(refused).toMatchObject({ ok: false, code: "forbidden" });
    expect(refused.ok ? "" : refused.error).toContain(seller.name);
    const created = await createEntryAction({ ownerId: seller.id, title: "Van for sales", time: timed("12:00", "13:00"), resourceIds: [van] });
    expect(created).toMatchObject({ ok: false, code: "forbidden" });
    expect({ bookings: await liveOf(id), entry: await entryRow(id) }).toEqual(before);
    // The mechanic's own meeting may take it.
    expect(await createEntryAction({ title: "Van for service", time: timed("12:00", "13:00"), resourceIds: [van] })).toMatchObject({ ok: true });
  });

  it("refuses a grantee who may only read the head's calendar, though they are in service themselves", async () => {
    const { head, mechanic, van, room } = await company();
    await grant(head, mechanic, { canSeePrivate: true });
    const id = await meeting(head, [room]);
    actAs(mechanic.viewer);
    expect(await updateEntryAction({ id, title: "x", time: timed("10:00", "11:00"), resourceIds: [room, van] })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await createEntryAction({ ownerId: head.id, title: "y", time: timed("12:00", "13:00"), resourceIds: [van] })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await liveOf(id)).toHaveLength(1);
  });

  it("lets an admin with an edit grant add the van to a sales meeting: admins may book every resource", async () => {
    const { admin, seller, van } = await company();
    await grant(seller, admin, { canEdit: true });
    actAs(admin.viewer);
    expect(await createEntryAction({ ownerId: seller.id, title: "Fleet demo", time: timed("15:00", "16:00"), resourceIds: [van] })).toMatchObject({ ok: true });
  });
});
