import { addLocalDays } from "@/lib/time/zoned";

import type { Channel } from "@/lib/org/vocabulary";

export type { Channel };

/**
 * One reminder as set on an item (a task or a calendar entry): a lead time before the item's
 * moment (due or start) or an absolute instant, with an optional channel.
 */
export interface ReminderSpec {
  offsetMinutes: number | null;
  fireAt: Date | null;
  channel: Channel | null;
}

const DAY_MINUTES = 24 * 60;

/**
 * When a reminder fires for someone in `timeZone`. Lead times in whole days or weeks count
 * calendar days in that zone ("1 day before Sunday 09:00" is Saturday 09:00 local even when the
 * clocks change overnight); lead times in minutes or hours are plain durations.
 */
export function reminderMomentOf(anchor: Date | null, spec: ReminderSpec, timeZone: string): Date | null {
  if (spec.fireAt) return spec.fireAt;
  if (spec.offsetMinutes === null || !anchor) return null;
  if (spec.offsetMinutes % DAY_MINUTES === 0) return addLocalDays(anchor, -spec.offsetMinutes / DAY_MINUTES, timeZone);
  return new Date(anchor.getTime() - spec.offsetMinutes * 60_000);
}

/**
 * The dedupe key of a reminder moment: per item, recipient, instant and channel, so the same
 * moment never notifies twice (even across two overlapping runs or a rewrite of the reminder
 * rows), while a moment that moved is a new one.
 */
export function reminderKey(item: { type: "task" | "entry"; id: string }, recipientId: string, at: Date, channel: Channel | null, suffix?: string): string {
  return `reminder:${item.type}:${item.id}:${recipientId}:${at.toISOString()}:${channel ?? "auto"}${suffix ? `:${suffix}` : ""}`;
}
