/** Lead times offered for "before the due time" reminders, in minutes (5 minutes to 2 weeks). */
import type { Channel } from "@/lib/org/vocabulary";
export const REMINDER_OFFSETS = [5, 10, 15, 30, 60, 120, 240, 480, 1440, 2880, 4320, 10080, 20160] as const;

type OffsetTranslator = (key: "offset.minutes" | "offset.hours" | "offset.days" | "offset.weeks", values: { n: number }) => string;

/** 90 → "90 minut", 120 → "2 godziny", 2880 → "2 dni", 10080 → "1 tydzień". */
export function offsetLabel(t: OffsetTranslator, minutes: number): string {
  if (minutes % 10080 === 0) return t("offset.weeks", { n: minutes / 10080 });
  if (minutes % 1440 === 0) return t("offset.days", { n: minutes / 1440 });
  if (minutes % 60 === 0) return t("offset.hours", { n: minutes / 60 });
  return t("offset.minutes", { n: minutes });
}

/** A reminder as the form edits it. */
export interface ReminderDraft {
  key: string;
  type: "before" | "at";
  offsetMinutes: number;
  /** datetime-local value in the viewer's zone. */
  fireAt: string;
  channel: Channel | "";
}
