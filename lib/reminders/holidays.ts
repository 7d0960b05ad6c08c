import { addCalendarDays } from "@/lib/time/calendar-date";

/**
 * The organisation's days off that working hours and working days skip: the public holidays of
 * its country, plus the days an admin added (company days off), minus the public holidays an
 * admin removed (worked). All of them are calendar dates ("2026-12-24") read in the work
 * schedule's own zone; no Date in the process zone takes part.
 *
 * Polish public holidays are computed here rather than with `date-holidays` (3.37.0, which does
 * list them correctly, Wigilia from 2025 included): that package brings 45 MB with moment,
 * moment-timezone, lodash and astronomia, and took 1.4 s to import plus about 30 ms per year on
 * this project's machines, for fourteen dates a year that the statute (ustawa o dniach wolnych od
 * pracy) fixes: ten fixed days and four that follow Easter.
 */
export const HOLIDAY_COUNTRIES = ["PL", "none"] as const;
export type HolidayCountry = (typeof HOLIDAY_COUNTRIES)[number];

export const PUBLIC_HOLIDAY_NAMES = [
  "newYear",
  "epiphany",
  "easterSunday",
  "easterMonday",
  "labourDay",
  "constitutionDay",
  "pentecost",
  "corpusChristi",
  "assumption",
  "allSaints",
  "independenceDay",
  "christmasEve",
  "christmasDay",
  "boxingDay",
] as const;
export type PublicHolidayName = (typeof PUBLIC_HOLIDAY_NAMES)[number];

export interface PublicHoliday {
  date: string;
  name: PublicHolidayName;
}

export interface HolidayCalendar {
  country: HolidayCountry;
  /** Company days off an admin added. */
  added: readonly string[];
  /** Public holidays an admin removed: they are worked. */
  removed: readonly string[];
}

export const DEFAULT_HOLIDAYS: HolidayCalendar = { country: "PL", added: [], removed: [] };

const pad = (n: number) => String(n).padStart(2, "0");

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

// Fixed days of the current Polish statute, with the year each one became a day off where that
// is recent: Epiphany again from 2011, Christmas Eve from 2025.
const POLISH_FIXED: { monthDay: string; name: PublicHolidayName; since?: number }[] = [
  { monthDay: "01-01", name: "newYear" },
  { monthDay: "01-06", name: "epiphany", since: 2011 },
  { monthDay: "05-01", name: "labourDay" },
  { monthDay: "05-03", name: "constitutionDay" },
  { monthDay: "08-15", name: "assumption" },
  { monthDay: "11-01", name: "allSaints" },
  { monthDay: "11-11", name: "independenceDay" },
  { monthDay: "12-24", name: "christmasEve", since: 2025 },
  { monthDay: "12-25", name: "christmasDay" },
  { monthDay: "12-26", name: "boxingDay" },
];

/** The public holidays of a country in one year, in date order. */
export function publicHolidaysOf(country: HolidayCountry, year: number): PublicHoliday[] {
  if (country === "none") return [];
  const easter = easterSunday(year);
  const days: PublicHoliday[] = [
    ...POLISH_FIXED.filter((f) => !f.since || year >= f.since).map((f) => ({ date: `${year}-${f.monthDay}`, name: f.name })),
    { date: easter, name: "easterSunday" },
    { date: addCalendarDays(easter, 1), name: "easterMonday" },
    { date: addCalendarDays(easter, 49), name: "pentecost" },
    { date: addCalendarDays(easter, 60), name: "corpusChristi" },
  ];
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

// Days off per calendar and year, computed the first time a year is asked about: a schedule read
// once for a reconcile of many tasks computes each year once.
const daysOffCache = new WeakMap<HolidayCalendar, Map<number, ReadonlySet<string>>>();

/** Every day off of one year of the organisation's calendar. */
export function daysOffIn(calendar: HolidayCalendar, year: number): ReadonlySet<string> {
  let years = daysOffCache.get(calendar);
  if (!years) daysOffCache.set(calendar, (years = new Map()));
  let days = years.get(year);
  if (!days) {
    const removed = new Set(calendar.removed);
    const prefix = `${year}-`;
    days = new Set([
      ...publicHolidaysOf(calendar.country, year)
        .map((h) => h.date)
        .filter((d) => !removed.has(d)),
      ...calendar.added.filter((d) => d.startsWith(prefix)),
    ]);
    years.set(year, days);
  }
  return days;
}

/** Whether a calendar date (in the schedule's zone) is a day off. */
export function isDayOff(calendar: HolidayCalendar, localDate: string): boolean {
  return daysOffIn(calendar, Number(localDate.slice(0, 4))).has(localDate);
}
