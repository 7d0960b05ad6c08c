import type { DbOrTx } from "@/db";
import { holidayOverrides } from "@/db/schema";
import { localDateOf } from "@/lib/time/zoned";
import { publicHolidaysOf, type HolidayCountry, type PublicHolidayName } from "./holidays";
import { escalationSettings } from "./settings";

export interface DayOffRow {
  /** A calendar date in the work schedule's zone. */
  day: string;
  /** A public holiday that is off, one an admin removed (worked), or a company day an admin added. */
  status: "public" | "removed" | "added";
  name: PublicHolidayName | null;
  note: string | null;
}

export interface DaysOffView {
  country: HolidayCountry;
  timeZone: string;
  years: number[];
  days: DayOffRow[];
}

/**
 * What Admin → Escalation lists: this year's and next year's public holidays (struck through when
 * removed) and every added day from this year on, in date order. "This year" is the work
 * schedule's, read in its zone. For admins only: the page checks.
 */
export async function daysOffView(db: DbOrTx, now: Date): Promise<DaysOffView> {
  const [{ schedule }, overrides] = await Promise.all([escalationSettings(db), db.select().from(holidayOverrides).orderBy(holidayOverrides.day)]);
  const year = Number(localDateOf(now, schedule.timeZone).slice(0, 4));
  const years = [year, year + 1];
  const removed = new Set(schedule.holidays.removed);
  const days: DayOffRow[] = years.flatMap((y) =>
    publicHolidaysOf(schedule.holidays.country, y).map((h) => ({
      day: h.date,
      status: removed.has(h.date) ? ("removed" as const) : ("public" as const),
      name: h.name,
      note: null,
    })),
  );
  for (const o of overrides) if (o.change === "added" && o.day >= `${year}-01-01`) days.push({ day: o.day, status: "added", name: null, note: o.note });
  return { country: schedule.holidays.country, timeZone: schedule.timeZone, years, days: days.sort((a, b) => a.day.localeCompare(b.day)) };
}
