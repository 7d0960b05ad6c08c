import { RRuleTemporal } from "rrule-temporal";
import { Temporal } from "temporal-polyfill";
import { instantToWallClock, wallClockToInstant } from "@/lib/time/zoned";

/**
 * The one expansion of a recurring series into its occurrences; views, free-time finding,
 * reminders, bookings and feeds all ask it, each for the window they need.
 *
 * The rule runs on the series' wall clock, not on instants: rrule-temporal is given DTSTART as a
 * floating local time (in UTC, which has no clock changes), so it yields "Monday 09:00" for every
 * week, and each local time becomes an instant in the series' zone by Baton's wall-clock rule
 * (lib/time/wall-clock.ts). That rule differs from RFC 5545 in one place, on purpose: a local time
 * the spring change skips (02:30 in Warsaw) moves forward to 03:30 instead of dropping the
 * occurrence, as wall-clock input does everywhere in Baton; a time the autumn change repeats is
 * the first of the two, as in RFC 5545.
 */

/** A series as stored on its entry: the first occurrence, the RRULE value (no UNTIL, no COUNT) and its zone. */
export interface Series {
  start: Date;
  end: Date;
  rule: string;
  zone: string;
  /** No occurrence starts after this instant. */
  until: Date | null;
  /** At most this many occurrences (counted before overrides, as RFC 5545 counts). */
  count: number | null;
}

/** One occurrence changed or cancelled; null fields keep the series' value. */
export interface OccurrenceOverride {
  /** The start the rule gives the occurrence (its RECURRENCE-ID). */
  recurrenceId: Date;
  cancelled: boolean;
  start: Date | null;
  end: Date | null;
  title: string | null;
  location: string | null;
  description: string | null;
}

export interface Occurrence {
  recurrenceId: Date;
  start: Date;
  end: Date;
  /** The override that changed it, if any (its title, location and description replace the series' when not null). */
  override: OccurrenceOverride | null;
}

export interface ExpansionWindow {
  from: Date;
  to: Date;
}

const DAY = 86_400_000;
/** A safety cap: no window a view or a job asks for holds more occurrences of one series. */
export const MAX_OCCURRENCES_PER_WINDOW = 2_000;

const RULE_PART = /^[A-Z-]+=[A-Z0-9,+-]+$/;
const FORBIDDEN_PARTS = new Set(["UNTIL", "COUNT", "DTSTART", "BYSECOND", "BYMINUTE", "BYHOUR"]);
const FREQUENCIES = new Set(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]);

/**
 * Whether `rule` is an RRULE value Baton stores: parts of RFC 5545 form, a daily to yearly
 * frequency, and neither UNTIL nor COUNT (their own columns) nor sub-daily parts (an entry's
 * time of day is its start's).
 */
export function isSeriesRule(rule: string): boolean {
  const parts = rule.split(";");
  const names = new Set<string>();
  for (const part of parts) {
    if (!RULE_PART.test(part)) return false;
    const name = part.slice(0, part.indexOf("="));
    if (names.has(name) || FORBIDDEN_PARTS.has(name)) return false;
    names.add(name);
  }
  const freq = parts.find((p) => p.startsWith("FREQ="))?.slice(5);
  if (!freq || !FREQUENCIES.has(freq)) return false;
  try {
    ruleOf({ start: new Date(Date.UTC(2027, 0, 4, 9)), end: new Date(Date.UTC(2027, 0, 4, 10)), rule, zone: "UTC", until: null, count: 1 }).all();
    return true;
  } catch {
    return false;
  }
}

/** A local time in the series' zone as a floating Temporal value (a ZonedDateTime in UTC, which has no clock changes). */
function floating(instant: Date, zone: string): Temporal.ZonedDateTime {
  return Temporal.PlainDateTime.from(instantToWallClock(instant, zone)).toZonedDateTime("UTC");
}

function floatingToInstant(local: Temporal.ZonedDateTime, zone: string): Date {
  const wall = local.toPlainDateTime().toString({ smallestUnit: "minute" });
  const instant = wallClockToInstant(wall, zone);
  if (!instant) throw new RangeError(`No instant for ${wall} in ${zone}`);
  return instant;
}

function ruleOf(series: Series): RRuleTemporal {
  const parts = [series.rule];
  if (series.count !== null) parts.push(`COUNT=${series.count}`);
  // UNTIL as the series' local time: a local time up to it is an instant up to `until` (the
  // wall-clock rule never maps a later local time to an earlier instant).
  if (series.until) parts.push(`UNTIL=${floating(series.until, series.zone).toPlainDateTime().toString().replace(/[-:]/g, "").slice(0, 15)}Z`);
  return new RRuleTemporal({ rruleString: parts.join(";"), dtstart: floating(series.start, series.zone), temporal: Temporal });
}

/** The rule's occurrence starts (before overrides) whose floating local time lies in [from, to], as instants. */
function ruleStartsBetween(series: Series, rule: RRuleTemporal, from: Temporal.ZonedDateTime, to: Temporal.ZonedDateTime): Date[] {
  const starts: Date[] = [];
  for (const local of rule.between(from, to, true)) {
    starts.push(floatingToInstant(local, series.zone));
    if (starts.length >= MAX_OCCURRENCES_PER_WINDOW) break;
  }
  return starts;
}

/**
 * The occurrences of `series` that overlap [from, to), overrides applied, in start order: a
 * cancelled occurrence is gone, a moved one is where it was moved to (in the window or not,
 * whatever window its original start is in). Only the window is expanded.
 */
export function expandSeries(series: Series, overrides: readonly OccurrenceOverride[], window: ExpansionWindow): Occurrence[] {
  const duration = series.end.getTime() - series.start.getTime();
  const rule = ruleOf(series);
  // A day either side covers any offset between the floating clock and instants.
  const from = floating(new Date(window.from.getTime() - duration - DAY), series.zone);
  const to = floating(new Date(window.to.getTime() + DAY), series.zone);
  const byId = new Map(overrides.map((o) => [o.recurrenceId.getTime(), o]));
  const seen = new Set<number>();
  const result: Occurrence[] = [];
  const take = (recurrenceId: Date) => {
    const override = byId.get(recurrenceId.getTime()) ?? null;
    if (override?.cancelled) return;
    const start = override?.start ?? recurrenceId;
    const end = override?.end ?? new Date(start.getTime() + duration);
    if (start < window.to && end > window.from) result.push({ recurrenceId, start, end, override });
  };
  for (const start of ruleStartsBetween(series, rule, from, to)) {
    seen.add(start.getTime());
    take(start);
  }
  // Occurrences moved into the window from outside the stretch just expanded; an override whose
  // RECURRENCE-ID the rule no longer makes (the series changed since) is ignored.
  for (const override of overrides) {
    const id = override.recurrenceId.getTime();
    if (seen.has(id) || override.cancelled || !override.start || !override.end) continue;
    if (!(override.start < window.to && override.end > window.from)) continue;
    if (isOccurrenceStart(series, override.recurrenceId, rule)) take(override.recurrenceId);
  }
  return result.sort((a, b) => a.start.getTime() - b.start.getTime() || a.recurrenceId.getTime() - b.recurrenceId.getTime());
}

/** Whether the rule gives an occurrence starting exactly at `instant` (a valid RECURRENCE-ID). */
export function isOccurrenceStart(series: Series, instant: Date, rule: RRuleTemporal = ruleOf(series)): boolean {
  const around = floating(instant, series.zone);
  // A start moved forward over the spring gap has a floating time an hour before its instant's wall clock.
  const starts = ruleStartsBetween(series, rule, around.subtract({ hours: 2 }), around.add({ minutes: 1 }));
  return starts.some((s) => s.getTime() === instant.getTime());
}

/**
 * When the series' last occurrence ends (stored as series_ends_at so a window query can skip
 * finished series), or null when it never ends. Overrides are not looked at: a window query
 * widens by the longest allowed move.
 */
export function seriesEnd(series: Series): Date | null {
  if (series.count === null && series.until === null) return null;
  const duration = series.end.getTime() - series.start.getTime();
  let last: Temporal.ZonedDateTime | null = null;
  // COUNT and UNTIL make the rule finite; the iterator's cap only guards a mistaken rule.
  for (const local of ruleOf(series).all((_, i) => i < 100_000)) last = local;
  const lastStart = last ? floatingToInstant(last, series.zone) : series.start;
  return new Date(lastStart.getTime() + duration);
}
