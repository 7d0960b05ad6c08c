import { and, eq, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { calendarEntryAttendees, calendarGrants } from "@/db/schema";

/**
 * The rules of policy.ts as SQL over an entry row, so a query masks in the database and a
 * private entry's details never reach the server's memory for a viewer who may not see them.
 * `entryId`, `ownerId` and `visibility` are the columns of the row being decided.
 */
export interface EntryColumns {
  entryId: AnyPgColumn | SQL;
  ownerId: AnyPgColumn | SQL;
  visibility: AnyPgColumn | SQL;
}

function grantHas(ownerId: AnyPgColumn | SQL, viewerId: string, flag: "canEdit" | "canSeePrivate"): SQL<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM ${calendarGrants} WHERE ${and(eq(calendarGrants.ownerId, ownerId), eq(calendarGrants.granteeId, viewerId), eq(calendarGrants[flag], true))})`;
}

export function relationSql(
  c: EntryColumns,
  viewerId: string,
): { isOwner: SQL<boolean>; isAttendee: SQL<boolean>; grantEdit: SQL<boolean>; grantSeePrivate: SQL<boolean> } {
  return {
    isOwner: sql<boolean>`(${c.ownerId} = ${viewerId})`,
    isAttendee: sql<boolean>`EXISTS (SELECT 1 FROM ${calendarEntryAttendees} WHERE ${and(eq(calendarEntryAttendees.entryId, c.entryId), eq(calendarEntryAttendees.userId, viewerId))})`,
    grantEdit: grantHas(c.ownerId, viewerId, "canEdit"),
    grantSeePrivate: grantHas(c.ownerId, viewerId, "canSeePrivate"),
  };
}

/** How the viewer stands to a row, as SQL booleans: from EXISTS subqueries (relationSql) or from joins the caller made. */
export type RelationSql = ReturnType<typeof relationSql>;

/** canSeeDetails of policy.ts, over a relation however it was found. */
export function seesDetailsFrom(visibility: AnyPgColumn | SQL, r: RelationSql): SQL<boolean> {
  return sql<boolean>`(${visibility} = 'normal' OR ${r.isOwner} OR ${r.grantSeePrivate} OR ${r.isAttendee})`;
}

/** canEditEntry of policy.ts, over a relation however it was found. */
export function editsFrom(visibility: AnyPgColumn | SQL, r: RelationSql): SQL<boolean> {
  return sql<boolean>`(${r.isOwner} OR (${r.grantEdit} AND (${visibility} = 'normal' OR ${r.grantSeePrivate})))`;
}

/** canSeeDetails of policy.ts. */
export function seesDetailsSql(c: EntryColumns, viewerId: string): SQL<boolean> {
  return seesDetailsFrom(c.visibility, relationSql(c, viewerId));
}

/** canEditEntry of policy.ts. */
export function editsSql(c: EntryColumns, viewerId: string): SQL<boolean> {
  return editsFrom(c.visibility, relationSql(c, viewerId));
}

/** A column's value for a viewer who may see the details, NULL for anyone else. */
export function masked<T>(sees: SQL<boolean>, column: AnyPgColumn | SQL): SQL<T | null> {
  return sql<T | null>`CASE WHEN ${sees} THEN ${column} END`;
}
