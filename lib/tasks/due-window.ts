import { addLocalDays, localDateOf, startOfLocalDay } from "@/lib/time/zoned";

export const DUE_FILTERS = ["overdue", "today", "week"] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

export interface DueWindow {
  /** Inclusive start; null means "no lower bound". */
  from: Date | null;
  /** Exclusive end. */
  to: Date;
  /** Only work not yet handed in counts (a late task that is done is simply done). */
  lateOnly: boolean;
}

/**
 * The instants a due filter covers for a viewer, computed in the viewer's own zone: "today" is
 * the viewer's calendar day (23 or 25 hours long on a DST change), "this week" Monday to Sunday.
 */
export function dueWindow(filter: DueFilter, now: Date, timeZone: string): DueWindow {
  const today = startOfLocalDay(localDateOf(now, timeZone), timeZone)!;
  if (filter === "overdue") return { from: null, to: now, lateOnly: true };
  if (filter === "today") return { from: today, to: addLocalDays(today, 1, timeZone), lateOnly: false };
  const weekday = (new Date(`${localDateOf(now, timeZone)}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  const monday = addLocalDays(today, -weekday, timeZone);
  return { from: monday, to: addLocalDays(monday, 7, timeZone), lateOnly: false };
}

/** A task waiting for acceptance was delivered: late is only work not yet handed in. */
export const LATE_STATUSES = ["open", "in_progress"] as const;

/** Whether a task is late: due in the past and not handed in. */
export function isOverdue(task: { dueAt: Date | null; status: string }, now: Date): boolean {
  return task.dueAt !== null && task.dueAt < now && (LATE_STATUSES as readonly string[]).includes(task.status);
}
