import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { preparedRows } from "@/db/prepared";
import { bookings, calendarEntries, resources, tasks, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { bookingsInWindow, type VisibleBooking } from "@/lib/resources/queries";
import type { FeedWindow } from "./scope";
import { instantOf } from "@/lib/time/instant-text";

/** A task of the creator's with a due moment in the window. */
export interface FeedTask {
  id: string;
  number: number;
  title: string;
  dueAt: Date;
  done: boolean;
  updatedAt: Date;
}

const tasksWhere = (viewer: Viewer, window: FeedWindow) =>
  sql`${tasks.assigneeId} = ${viewer.id}::uuid AND ${tasks.status} <> 'cancelled'
    AND ${tasks.dueAt} >= ${window.from.toISOString()}::timestamptz AND ${tasks.dueAt} < ${window.to.toISOString()}::timestamptz`;

/** The creator's own tasks due in the window (their own feed, when asked for). */
export async function feedTasks(db: DbOrTx, viewer: Viewer, window: FeedWindow): Promise<FeedTask[]> {
  const rows = await preparedRows<{ id: string; number: number; title: string; due_at: Date | string; status: string; updated_at: Date | string }>(
    db,
    sql`SELECT ${tasks.id} AS id, ${tasks.number} AS number, ${tasks.title} AS title, ${tasks.dueAt} AS due_at, ${tasks.status} AS status,
        ${tasks.updatedAt} AS updated_at
      FROM ${tasks} WHERE ${tasksWhere(viewer, window)} ORDER BY ${tasks.dueAt}, ${tasks.number}`,
  );
  return rows.map((t) => ({
    id: t.id,
    number: t.number,
    title: t.title,
    dueAt: instantOf(t.due_at),
    done: t.status === "done",
    updatedAt: instantOf(t.updated_at),
  }));
}

export async function tasksFingerprint(db: DbOrTx, viewer: Viewer, window: FeedWindow): Promise<string> {
  const [row] = await preparedRows<{ n: string | number; latest: string | null }>(
    db,
    sql`SELECT count(*) AS n, max(${tasks.updatedAt})::text AS latest FROM ${tasks} WHERE ${tasksWhere(viewer, window)}`,
  );
  return `${row?.n ?? 0}:${row?.latest ?? ""}`;
}

/** A resource's booking as the creator may see it, with what a feed needs to version it. */
export type FeedBooking = VisibleBooking & { createdAt: Date; updatedAt: Date };

/** The resource's live bookings in the window, masked by the resources' own rule (lib/resources/queries.ts). */
export async function feedBookings(db: DbOrTx, viewer: Viewer, resourceId: string, window: FeedWindow): Promise<FeedBooking[]> {
  const visible = await bookingsInWindow(db, viewer, resourceId, window.from, window.to);
  if (!visible.length) return [];
  const stamps = await preparedRows<{ id: string; created_at: Date | string; updated_at: Date | string }>(
    db,
    sql`SELECT id, created_at, updated_at FROM ${bookings} WHERE id = ANY(${`{${visible.map((b) => b.id).join(",")}}`}::uuid[])`,
  );
  const byId = new Map(stamps.map((s) => [s.id, s]));
  return visible.map((b) => {
    const s = byId.get(b.id)!;
    return { ...b, createdAt: instantOf(s.created_at), updatedAt: instantOf(s.updated_at) };
  });
}

export async function bookingsFingerprint(db: DbOrTx, resourceId: string, window: FeedWindow): Promise<string> {
  const [row] = await preparedRows<{ n: string | number; latest: string | null; entries: string | null; bookers: string | null; resource: string | null }>(
    db,
    sql`SELECT count(*) AS n, max(b.updated_at)::text AS latest, max(e.updated_at)::text AS entries, max(u.updated_at)::text AS bookers,
        (SELECT updated_at::text FROM ${resources} WHERE id = ${resourceId}::uuid) AS resource
      FROM ${bookings} b LEFT JOIN ${calendarEntries} e ON e.id = b.entry_id JOIN ${users} u ON u.id = b.booked_by_id
      WHERE b.resource_id = ${resourceId}::uuid AND b.cancelled_at IS NULL
        AND b.starts_at < ${window.to.toISOString()}::timestamptz AND b.ends_at > ${window.from.toISOString()}::timestamptz`,
  );
  // The resource's own row too: its name is every event's LOCATION. A renamed booker leaves the bookings untouched.
  return [row?.n ?? 0, row?.latest ?? "", row?.entries ?? "", row?.bookers ?? "", row?.resource ?? ""].join(":");
}
