import { addCalendarDays, isoWeekdayOf, localDateOf, startOfLocalDay } from "@/lib/time/zoned";

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
 * Each bound is the start of its own calendar day, so a day whose midnight a clock change skips
 * neither starts nor ends late.
 */
export function dueWindow(filter: DueFilter, now: Date, timeZone: string): DueWindow {
  if (filter === "overdue") return { from: null, to: now, lateOnly: true };
  const today = localDateOf(now, timeZone);
  const dayStart = (date: string) => startOfLocalDay(date, timeZone)!;
  if (filter === "today") return { from: dayStart(today), to: dayStart(addCalendarDays(today, 1)), lateOnly: false };
  const monday = addCalendarDays(today, 1 - isoWeekdayOf(today));
  return { from: dayStart(monday), to: dayStart(addCalendarDays(monday, 7)), lateOnly: false };
}

/** A task waiting for acceptance was delivered: late is only work not yet handed in. */
export const LATE_STATUSES = ["open", "in_progress"] as const;

/** Whether a task is late: due in the past and not handed in. */
export function isOverdue(task: { dueAt: Date | null; status: string }, now: Date): boolean {
  return task.dueAt !== null && task.dueAt < now && (LATE_STATUSES as readonly string[]).includes(task.status);
}
