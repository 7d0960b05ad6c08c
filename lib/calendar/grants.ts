import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { calendarGrants, calendarGroups } from "@/db/schema";
import { Invalid, NotFound } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import type { Work } from "@/lib/effects/unit";
import { peopleById } from "@/lib/tasks/references";
import type { GrantInput, SaveGroupInput } from "./schema";

// Who may do what with my calendar, and the named groups of people I look at together.
// A grant is read on every request that needs it, so giving or taking one back acts at once.

export async function grantCalendarAccess({ tx, viewer, now }: Work, input: GrantInput): Promise<{ granteeId: string }> {
  if (input.granteeId === viewer.id) throw new Invalid("calendar.errors.grantSelf", { granteeId: ["calendar.errors.grantSelf"] });
  if (!(await peopleById(tx, [input.granteeId])).get(input.granteeId)?.active) {
    throw new Invalid("calendar.errors.granteeUnknown", { granteeId: ["calendar.errors.granteeUnknown"] });
  }
  await tx
    .insert(calendarGrants)
    .values({ ownerId: viewer.id, granteeId: input.granteeId, canEdit: input.canEdit, canSeePrivate: input.canSeePrivate, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [calendarGrants.ownerId, calendarGrants.granteeId],
      set: { canEdit: input.canEdit, canSeePrivate: input.canSeePrivate, updatedAt: now },
    });
  return { granteeId: input.granteeId };
}

export async function revokeCalendarAccess({ tx, viewer }: Work, input: { granteeId: string }): Promise<{ granteeId: string }> {
  const gone = await tx
    .delete(calendarGrants)
    .where(and(eq(calendarGrants.ownerId, viewer.id), eq(calendarGrants.granteeId, input.granteeId)))
    .returning({ granteeId: calendarGrants.granteeId });
  if (!gone.length) throw new NotFound("calendar.errors.grantNotFound");
  return { granteeId: input.granteeId };
}

export interface GrantRow {
  ownerId: string;
  ownerName: string;
  granteeId: string;
  granteeName: string;
  canEdit: boolean;
  canSeePrivate: boolean;
  since: Date;
}

/** Grants I gave and grants given to me. */
export async function grantsOf(db: DbOrTx, viewer: Viewer): Promise<{ given: GrantRow[]; received: GrantRow[] }> {
  const [given, received] = await Promise.all([grantRows(db, { ownerId: viewer.id }), grantRows(db, { granteeId: viewer.id })]);
  return { given, received };
}

/** Every grant in the organisation: admins see who may act in whose calendar. */
export async function allGrants(db: DbOrTx, viewer: Viewer): Promise<GrantRow[]> {
  if (viewer.role !== "admin") throw new NotFound("calendar.errors.grantNotFound");
  return grantRows(db, {});
}

async function grantRows(db: DbOrTx, where: { ownerId?: string; granteeId?: string }): Promise<GrantRow[]> {
  const rows = await db
    .select({
      ownerId: calendarGrants.ownerId,
      granteeId: calendarGrants.granteeId,
      canEdit: calendarGrants.canEdit,
      canSeePrivate: calendarGrants.canSeePrivate,
      since: calendarGrants.createdAt,
    })
    .from(calendarGrants)
    .where(
      and(where.ownerId ? eq(calendarGrants.ownerId, where.ownerId) : undefined, where.granteeId ? eq(calendarGrants.granteeId, where.granteeId) : undefined),
    )
    .orderBy(asc(calendarGrants.createdAt));
  const names = await peopleById(
    db,
    rows.flatMap((r) => [r.ownerId, r.granteeId]),
  );
  return rows.map((r) => ({ ...r, ownerName: names.get(r.ownerId)?.name ?? "", granteeName: names.get(r.granteeId)?.name ?? "" }));
}

export async function saveCalendarGroup({ tx, viewer, now }: Work, input: SaveGroupInput): Promise<{ id: string }> {
  const people = await peopleById(tx, input.memberIds);
  if (input.memberIds.some((id) => !people.has(id))) throw new Invalid("calendar.errors.personUnknown", { memberIds: ["calendar.errors.personUnknown"] });
  const [row] = await tx
    .insert(calendarGroups)
    .values({ ownerId: viewer.id, name: input.name, memberIds: input.memberIds, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: calendarGroups.id });
  if (!row) throw new Invalid("calendar.errors.groupNameTaken", { name: ["calendar.errors.groupNameTaken"] });
  return { id: row.id };
}

export async function deleteCalendarGroup({ tx, viewer }: Work, input: { id: string }): Promise<{ id: string }> {
  const gone = await tx
    .delete(calendarGroups)
    .where(and(eq(calendarGroups.id, input.id), eq(calendarGroups.ownerId, viewer.id)))
    .returning({ id: calendarGroups.id });
  if (!gone.length) throw new NotFound("calendar.errors.groupNotFound");
  return { id: input.id };
}

export async function calendarGroupsOf(db: DbOrTx, viewer: Viewer): Promise<{ id: string; name: string; memberIds: string[] }[]> {
  return db
    .select({ id: calendarGroups.id, name: calendarGroups.name, memberIds: calendarGroups.memberIds })
    .from(calendarGroups)
    .where(eq(calendarGroups.ownerId, viewer.id))
    .orderBy(asc(calendarGroups.name));
}

/** Calendars the viewer may add entries to besides their own: owners who let them edit. */
export async function editableCalendarsOf(db: DbOrTx, viewer: Viewer): Promise<{ id: string; name: string }[]> {
  const received = await grantRows(db, { granteeId: viewer.id });
  return received.filter((g) => g.canEdit).map((g) => ({ id: g.ownerId, name: g.ownerName }));
}
