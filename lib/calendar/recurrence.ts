import { LRUCache } from "lru-cache";
import { RRuleTemporal } from "rrule-temporal";
import { Temporal } from "temporal-polyfill";
import { wallClockMsOf, wallClockMsToInstantMs } from "@/lib/time/wall-clock";

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
    compileRule({ start: new Date(Date.UTC(2027, 0, 4, 9)), end: new Date(Date.UTC(2027, 0, 4, 10)), rule, zone: "UTC", until: null, count: 1 }).all();
    return true;
  } catch {
    return false;
  }
}

const MINUTE = 60_000;

/** A local time in the series' zone, to the minute, as the milliseconds it would be in UTC (a floating time). */
function floatingMs(instant: Date, zone: string): number {
  const ms = wallClockMsOf(instant.getTime(), zone);
  return ms - (((ms % MINUTE) + MINUTE) % MINUTE);
}

/** The same as a Temporal value (a ZonedDateTime in UTC, which has no clock changes), for rrule-temporal. */
function floating(instant: Date, zone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(floatingMs(instant, zone)).toZonedDateTimeISO("UTC");
}

function floatingToInstant(local: Temporal.ZonedDateTime, zone: string): Date {
  const ms = local.epochMilliseconds;
  return new Date(wallClockMsToInstantMs(ms - (((ms % MINUTE) + MINUTE) % MINUTE), zone));
}

/**
 * Compiled rules by everything that defines them. Building an RRuleTemporal costs about five times
 * what asking it for a week does, and the same series are expanded over and over (each view of a
 * team's week, the free-time finder, reminders, feeds); an instance is immutable apart from its own
 * query-plan caches, so one serves every caller. A changed series has another key.
 */
const compiled = new LRUCache<string, RRuleTemporal>({ max: 20_000 });

/**
 * The rule's starts over a stretch, by rule and stretch: a team's week is asked for again on every
 * page load and refetch, by every manager of the team. Callers only read the arrays.
 */
const startsOfStretch = new LRUCache<string, readonly Date[]>({ max: 50_000, maxSize: 400_000, sizeCalculation: (starts) => starts.length + 1 });

/** Empties both caches: for measuring a first look at a window (bench calendar-week) and for tests. */
export function clearRecurrenceCaches(): void {
  compiled.clear();
  startsOfStretch.clear();
}

function ruleKey(series: Series): string {
  return `${series.rule}|${series.zone}|${series.start.getTime()}|${series.count ?? ""}|${series.until?.getTime() ?? ""}`;
}

function ruleOf(series: Series): RRuleTemporal {
  const key = ruleKey(series);
  let rule = compiled.get(key);
  if (!rule) {
    rule = compileRule(series);
    compiled.set(key, rule);
  }
  return rule;
}

function compileRule(series: Series): RRuleTemporal {
  const parts = [series.rule];
  if (series.count !== null) parts.push(`COUNT=${series.count}`);
  // UNTIL as the series' local time: a local time up to it is an instant up to `until` (the
  // wall-clock rule never maps a later local time to an earlier instant).
  if (series.until) parts.push(`UNTIL=${floating(series.until, series.zone).toPlainDateTime().toString().replace(/[-:]/g, "").slice(0, 15)}Z`);
  return new RRuleTemporal({ rruleString: parts.join(";"), dtstart: floating(series.start, series.zone), temporal: Temporal });
}

/** The rule's occurrence starts (before overrides) whose floating local time lies in [from, to], as instants. */
function ruleStartsBetween(series: Series, rule: RRuleTemporal, from: Date, to: Date): Date[] {
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
  // A day either side covers any offset between the floating clock and instants.
  const from = new Date(floatingMs(new Date(window.from.getTime() - duration - DAY), series.zone));
  const to = new Date(floatingMs(new Date(window.to.getTime() + DAY), series.zone));
  // Most series have no override: then neither the lookup nor the record of what was seen is made (a team's week
  // expands over a thousand series a request).
  const byId = overrides.length ? new Map(overrides.map((o) => [o.recurrenceId.getTime(), o])) : null;
  const seen = overrides.length ? new Set<number>() : null;
  const result: Occurrence[] = [];
  const take = (recurrenceId: Date) => {
    const override = byId?.get(recurrenceId.getTime()) ?? null;
    if (override?.cancelled) return;
    const start = override?.start ?? recurrenceId;
    const end = override?.end ?? new Date(start.getTime() + duration);
    if (start < window.to && end > window.from) result.push({ recurrenceId, start, end, override });
  };
  const stretchKey = `${ruleKey(series)}|${from.getTime()}|${to.getTime()}`;
  let starts = startsOfStretch.get(stretchKey);
  if (!starts) {
    starts = ruleStartsBetween(series, ruleOf(series), from, to);
    startsOfStretch.set(stretchKey, starts);
  }
  for (const start of starts) {
    seen?.add(start.getTime());
    // A Date of its own: the cached ones are shared.
    take(new Date(start.getTime()));
  }
  // Without overrides the occurrences are the rule's starts, which come in order.
  if (!seen) return result;
  // Occurrences moved into the window from outside the stretch just expanded; an override whose
  // RECURRENCE-ID the rule no longer makes (the series changed since) is ignored.
  for (const override of overrides) {
    const id = override.recurrenceId.getTime();
    if (seen.has(id) || override.cancelled || !override.start || !override.end) continue;
    if (!(override.start < window.to && override.end > window.from)) continue;
    if (isOccurrenceStart(series, override.recurrenceId)) take(override.recurrenceId);
  }
  return result.sort((a, b) => a.start.getTime() - b.start.getTime() || a.recurrenceId.getTime() - b.recurrenceId.getTime());
}

/** Whether the rule gives an occurrence starting exactly at `instant` (a valid RECURRENCE-ID). */
export function isOccurrenceStart(series: Series, instant: Date, rule: RRuleTemporal = ruleOf(series)): boolean {
  const around = floatingMs(instant, series.zone);
  // A start moved forward over the spring gap has a floating time an hour before its instant's wall clock.
  const starts = ruleStartsBetween(series, rule, new Date(around - 2 * 3_600_000), new Date(around + MINUTE));
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
