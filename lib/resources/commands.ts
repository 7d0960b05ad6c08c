import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "@/db";
import { bookings, departments, resourceDepartments, resources, seriesResources, users, workSchedule } from "@/db/schema";
import { Conflict, Forbidden, Invalid, NotFound } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import { runUnit, type Work } from "@/lib/effects/unit";
import { notice } from "@/lib/notify/notice";
import { writeOutbox } from "@/lib/notify/outbox";
import { isUniqueViolation } from "@/lib/org/unique-violation";
import { DEFAULT_SCHEDULE } from "@/lib/reminders/working-time";
import { FieldProblems } from "@/lib/tasks/references";
import { wallClockToInstant } from "@/lib/time/zoned";
import { bookingConflict, conflictAt, lookBeforeBooking, type BookableResource, type WantedSlot } from "./conflicts";
import { isBookingClash, isLockBusy } from "./database-errors";
import { BOOKING_CANCEL_REASONS } from "./notice-kinds";
import { canManageResources, mayBook, type BookingParty } from "./policy";
import { ruleBreach } from "./rules";
import type { BookResourceInput, CreateResourceInput, RetireResourceInput, UpdateResourceInput } from "./schema";

export type ResourceRow = typeof resources.$inferSelect;
export type BookingRow = typeof bookings.$inferSelect;

function assertCanManage(viewer: Viewer): void {
  if (!canManageResources(viewer)) throw new Forbidden("adminOnly");
}

/** The organisation's zone: bookable hours are read in it (the working week's zone, Warsaw until an admin sets one). */
async function organisationZone(tx: DbOrTx): Promise<string> {
  const [row] = await tx.select({ timeZone: workSchedule.timeZone }).from(workSchedule).where(eq(workSchedule.id, 1));
  return row?.timeZone ?? DEFAULT_SCHEDULE.timeZone;
}

async function checkDepartments(tx: DbOrTx, ids: string[], problems: FieldProblems): Promise<void> {
  if (!ids.length) return;
  const found = await tx.select({ id: departments.id }).from(departments).where(inArray(departments.id, ids));
  if (found.length !== ids.length) problems.add("departmentIds", "resources.errors.departmentUnknown");
}

/** The resource's own columns of a form (its departments are rows of their own). */
function resourceValues<T extends { departmentIds: string[] }>(input: T): Omit<T, "departmentIds"> {
  const { departmentIds: _departments, ...values } = input;
  return values;
}

/** Writes the resource's row; a name another resource has is a field error, not a database error. */
async function saveResource<T>(tx: Tx, write: (sp: Tx) => Promise<T>): Promise<T> {
  try {
    return await tx.transaction(write);
  } catch (error) {
    if (isUniqueViolation(error, "resources_name_key")) throw new Invalid("invalidInput", { name: ["resources.errors.nameTaken"] });
    throw error;
  }
}

async function replaceDepartments(tx: Tx, resourceId: string, ids: string[]): Promise<void> {
  await tx.delete(resourceDepartments).where(eq(resourceDepartments.resourceId, resourceId));
  if (ids.length) await tx.insert(resourceDepartments).values(ids.map((departmentId) => ({ resourceId, departmentId })));
}

export async function createResource(work: Work, input: CreateResourceInput): Promise<{ id: string }> {
  const { tx, viewer, now } = work;
  assertCanManage(viewer);
  const problems = new FieldProblems();
  await checkDepartments(tx, input.departmentIds, problems);
  problems.throwIfAny();
  const row = await saveResource(tx, async (sp) => {
    const [made] = await sp
      .insert(resources)
      .values({ ...resourceValues(input), createdAt: now, updatedAt: now })
      .returning({ id: resources.id });
    return made!;
  });
  await replaceDepartments(tx, row.id, input.departmentsOnly ? input.departmentIds : []);
  return { id: row.id };
}

async function lockedResource(tx: Tx, id: string): Promise<ResourceRow> {
  const [row] = await tx.select().from(resources).where(eq(resources.id, id)).for("update");
  if (!row) throw new NotFound("resources.errors.resourceNotFound");
  return row;
}

/** Editing changes the rules for bookings to come; bookings already made stay as they are. */
export async function updateResource(work: Work, input: UpdateResourceInput): Promise<{ id: string }> {
  const { tx, viewer, now } = work;
  assertCanManage(viewer);
  const resource = await lockedResource(tx, input.id);
  const problems = new FieldProblems();
  await checkDepartments(tx, input.departmentIds, problems);
  problems.throwIfAny();
  const { id, ...values } = resourceValues(input);
  await saveResource(tx, (sp) =>
    sp
      .update(resources)
      .set({ ...values, updatedAt: now })
      .where(eq(resources.id, id)),
  );
  await replaceDepartments(tx, resource.id, input.departmentsOnly ? input.departmentIds : []);
  return { id: resource.id };
}

/**
 * Retires a resource: it keeps its history and takes no new bookings. Live bookings that have
 * not ended yet are refused unless the admin chose to cancel them, and then each booker is told.
 */
export async function retireResource(work: Work, input: RetireResourceInput): Promise<{ id: string; cancelled: number }> {
  const { tx, viewer, now } = work;
  assertCanManage(viewer);
  const resource = await lockedResource(tx, input.id);
  if (resource.retiredAt) return { id: resource.id, cancelled: 0 };
  const future = await tx
    .select()
    .from(bookings)
    .where(and(eq(bookings.resourceId, resource.id), isNull(bookings.cancelledAt), gt(bookings.endsAt, now)))
    .for("update");
  if (future.length && input.futureBookings !== "cancel") {
    throw new Conflict("resources.errors.hasFutureBookings").with({ count: future.length }, { futureBookings: future.length });
  }
  await tx.update(resources).set({ retiredAt: now, updatedAt: now }).where(eq(resources.id, resource.id));
  await cancelAndTell(work, resource, future, "retired");
  // Recurring meetings stop holding it: the horizon job books them no further dates of it.
  await tx.delete(seriesResources).where(eq(seriesResources.resourceId, resource.id));
  return { id: resource.id, cancelled: future.length };
}

/** Cancels bookings on someone's behalf and tells each booker (never the person who acted). */
export async function cancelAndTell(work: Work, resource: ResourceRow, rows: BookingRow[], reason: (typeof BOOKING_CANCEL_REASONS)[number]): Promise<void> {
  const { tx, viewer, now } = work;
  if (!rows.length) return;
  await tx
    .update(bookings)
    .set({ cancelledAt: now, cancelledById: viewer.id, updatedAt: now })
    .where(
      inArray(
        bookings.id,
        rows.map((b) => b.id),
      ),
    );
  const told = rows.filter((b) => b.bookedById !== viewer.id);
  if (!told.length) return;
  const bookers = await tx
    .select({ id: users.id, locale: users.locale, timeZone: users.timeZone, active: users.active })
    .from(users)
    .where(inArray(users.id, [...new Set(told.map((b) => b.bookedById))]));
  const byId = new Map(bookers.filter((b) => b.active).map((b) => [b.id, b]));
  const notices = told.flatMap((b) => {
    const recipient = byId.get(b.bookedById);
    if (!recipient) return [];
    const payload = {
      bookingId: b.id,
      resourceId: resource.id,
      resource: resource.name,
      start: b.startsAt.toISOString(),
      end: b.endsAt.toISOString(),
      purpose: b.purpose,
      reason,
      actor: viewer.name,
    };
    return [notice("resource.bookingCancelled", payload, recipient, { actorId: viewer.id })];
  });
  await writeOutbox(work, notices);
}

/** The wanted range from wall-clock times in the viewer's zone; an empty or reversed range is a field error. */
export function wantedRange(input: { start: string; end: string }, viewer: Viewer, now: Date): { start: Date; end: Date } {
  const problems = new FieldProblems();
  const start = wallClockToInstant(input.start, viewer.timeZone);
  const end = wallClockToInstant(input.end, viewer.timeZone);
  if (!start) problems.add("start", "invalidDate");
  if (!end) problems.add("end", "invalidDate");
  if (start && end && end <= start) problems.add("end", "resources.errors.endBeforeStart");
  if (start && end && end <= now) problems.add("end", "resources.errors.inPast");
  problems.throwIfAny();
  return { start: start!, end: end! };
}

/**
 * Whether the resource may be booked now for this time and for this party (bookingPartyOf: the
 * booker, or a meeting's organiser): not retired, the party's department, the resource's rules.
 */
export async function checkMayBook(tx: DbOrTx, resource: ResourceRow, party: BookingParty, range: { start: Date; end: Date }): Promise<void> {
  await checkMayBookEach(tx, resource, party, [range]);
}

/** checkMayBook for many times of one resource (a series' occurrences), its departments and zone read once. */
export async function checkMayBookEach(tx: DbOrTx, resource: ResourceRow, party: BookingParty, ranges: readonly { start: Date; end: Date }[]): Promise<void> {
  if (!ranges.length) return;
  if (resource.retiredAt) throw new Conflict("resources.errors.retired").with({ resource: resource.name });
  const allowed = resource.departmentsOnly
    ? (await tx.select({ id: resourceDepartments.departmentId }).from(resourceDepartments).where(eq(resourceDepartments.resourceId, resource.id))).map(
        (d) => d.id,
      )
    : [];
  // The organisation's zone is read only for a resource with bookable hours, the one rule that needs it.
  const zone = resource.bookableFrom !== null && resource.bookableUntil !== null ? await organisationZone(tx) : DEFAULT_SCHEDULE.timeZone;
  for (const range of ranges) refuseUnlessBookable(resource, party, allowed, zone, range);
}

/** checkMayBook over what was read already: retired, the party's department, the resource's rules (bookable hours in `zone`). */
function refuseUnlessBookable(
  resource: BookableResource,
  party: BookingParty,
  allowed: readonly string[],
  zone: string,
  range: { start: Date; end: Date },
): void {
  if (resource.retiredAt) throw new Conflict("resources.errors.retired").with({ resource: resource.name });
  if (!mayBook(party, resource, allowed)) {
    if (party.organiser) throw new Forbidden("resources.errors.notForOrganisersDepartment").with({ resource: resource.name, organiser: party.organiser });
    throw new Forbidden("resources.errors.notForYourDepartment").with({ resource: resource.name });
  }
  const breach = ruleBreach(resource, range.start, range.end, zone);
  if (breach) throw new Invalid(breach.key).with({ ...breach.params, resource: resource.name });
}

/** Tries at taking a resource's lock without waiting, before waiting in line for it. */
const LOCK_TRIES = 3;

/**
 * Runs the write that takes the time. A committed booking already in the way is refused at once.
 * Otherwise the write runs in a savepoint that first takes the resource's row lock, so writers of
 * one resource go one at a time: the exclusion constraint then only ever meets committed
 * bookings and never waits on another writer's uncommitted row (200 people racing for one room
 * would otherwise wait on each other in cycles, each broken only by the deadlock detector, a
 * second apiece). While someone else holds the lock, the writer waits beside all others for
 * them to finish (a shared lock, released at once), then looks again: the losers of a race all
 * see the winner's booking together instead of queueing behind each other. After a few tries it
 * waits in line for the lock itself. A refusal names who holds the time, read now that the
 * winner has committed. The lock also keeps the resource from being retired meanwhile.
 */
export async function takeTime<T>(work: Work, wanted: WantedSlot, write: (sp: Tx) => Promise<T>): Promise<T> {
  const { tx, viewer } = work;
  for (let attempt = 1; ; attempt++) {
    const taken = await conflictAt(tx, wanted, viewer);
    if (taken) throw taken;
    try {
      return await tx.transaction(async (sp) => {
        const [row] = await sp
          .select({ retiredAt: resources.retiredAt })
          .from(resources)
          .where(eq(resources.id, wanted.resource.id))
          .for("no key update", attempt < LOCK_TRIES ? { noWait: true } : undefined);
        if (!row || row.retiredAt) throw new Conflict("resources.errors.retired").with({ resource: wanted.resource.name });
        return write(sp);
      });
    } catch (error) {
      if (isLockBusy(error)) {
        await waitForWriter(tx, wanted.resource.id);
        continue;
      }
      if (!isBookingClash(error)) throw error;
      throw await bookingConflict(tx, wanted, viewer);
    }
  }
}

const released = Symbol("released");

/** Waits until whoever writes a booking of the resource now has finished, holding nothing afterwards. */
async function waitForWriter(tx: Tx, resourceId: string): Promise<void> {
  try {
    await tx.transaction(async (sp) => {
      await sp.select({ id: resources.id }).from(resources).where(eq(resources.id, resourceId)).for("share");
      throw released;
    });
  } catch (error) {
    if (error !== released) throw error;
  }
}

/** The resource to book; its lock is taken only around the write itself (takeTime). */
export async function resourceForBooking(tx: DbOrTx, id: string): Promise<ResourceRow> {
  const [row] = await tx.select().from(resources).where(eq(resources.id, id));
  if (!row) throw new NotFound("resources.errors.resourceNotFound");
  return row;
}

export async function bookResource(work: Work, input: BookResourceInput): Promise<{ id: string }> {
  const { tx, viewer, now } = work;
  const resource = await resourceForBooking(tx, input.resourceId);
  const range = wantedRange(input, viewer, now);
  await checkMayBook(tx, resource, viewer, range);
  return insertBooking(work, resource, range, input.purpose);
}

/** Takes the time for a booking already checked (checkMayBook): under the resource's lock and the exclusion constraint. */
async function insertBooking(work: Work, resource: BookableResource, range: { start: Date; end: Date }, purpose: string): Promise<{ id: string }> {
  const { viewer, now } = work;
  return takeTime(work, { resource, ...range }, async (sp) => {
    const [made] = await sp
      .insert(bookings)
      .values({ resourceId: resource.id, startsAt: range.start, endsAt: range.end, purpose, bookedById: viewer.id, createdAt: now, updatedAt: now })
      .returning({ id: bookings.id });
    return { id: made!.id };
  });
}

/**
 * What a person's "Book" runs (the action): the checks and the look at committed bookings first,
 * outside any transaction, so a time someone already holds is refused without opening one, each
 * statement taking whichever pooled connection is free; only a time that looks free is then
 * booked in a unit of work (bookResource's path: the lock, a second look, the exclusion
 * constraint), which still refuses a winner who committed meanwhile.
 */
export async function requestBooking(db: Db, viewer: Viewer, input: BookResourceInput, at: Date): Promise<{ id: string }> {
  const range = wantedRange(input, viewer, at);
  const look = await lookBeforeBooking(db, input.resourceId, range, viewer);
  if (!look) throw new NotFound("resources.errors.resourceNotFound");
  refuseUnlessBookable(look.resource, viewer, look.allowedDepartmentIds, look.organisationZone, range);
  if (look.taken) throw look.taken;
  return runUnit(db, viewer, (work) => insertBooking(work, look.resource, range, input.purpose), { now: at });
}

/** For tests and seeds: how many live bookings of one resource overlap another (always 0). */
export async function overlappingLiveBookings(db: DbOrTx): Promise<number> {
  const result = await db.execute(sql`
    SELECT count(*)::int AS n FROM bookings a JOIN bookings b
      ON a.resource_id = b.resource_id AND a.id < b.id AND a.during && b.during
    WHERE a.cancelled_at IS NULL AND b.cancelled_at IS NULL`);
  const rows = (Array.isArray(result) ? result : (result as { rows: { n: number }[] }).rows) as { n: number }[];
  return Number(rows[0]?.n ?? 0);
}
