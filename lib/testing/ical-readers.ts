import { execFileSync } from "node:child_process";

/**
 * Every VEVENT of a calendar as two independent parsers read it, each in a fresh Node whose
 * process zone is `zone`: ical.js (Thunderbird's) and node-ical. Both turn DTSTART;TZID=… into an
 * instant (a DATE stays a day); a parser or a VTIMEZONE leaning on the process zone would
 * disagree across zones.
 */
const READ_ALL = `
import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import ical from "node-ical";
const text = readFileSync(0, "utf8");
const root = new ICAL.Component(ICAL.parse(text));
for (const zone of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
const day = (d) => d.toISOString().slice(0, 10);
const icaljs = root.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)).map((e) => ({
  uid: e.uid,
  start: e.startDate.isDate ? e.startDate.toString() : e.startDate.toJSDate().toISOString(),
  end: e.endDate ? (e.endDate.isDate ? e.endDate.toString() : e.endDate.toJSDate().toISOString()) : null,
}));
const nodeIcal = Object.values(ical.sync.parseICS(text)).filter((c) => c.type === "VEVENT").map((e) => ({
  uid: e.uid,
  start: e.datetype === "date" ? day(new Date(Date.UTC(e.start.getFullYear(), e.start.getMonth(), e.start.getDate()))) : e.start.toISOString(),
  end: e.end ? (e.datetype === "date" ? day(new Date(Date.UTC(e.end.getFullYear(), e.end.getMonth(), e.end.getDate()))) : e.end.toISOString()) : null,
}));
const byUid = (a, b) => (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0);
console.log(JSON.stringify({ processZone: Intl.DateTimeFormat().resolvedOptions().timeZone, icaljs: icaljs.sort(byUid), nodeIcal: nodeIcal.sort(byUid) }));
`;

export interface ParsedEvent {
  uid: string;
  /** An ISO instant, or a YYYY-MM-DD day for an all-day event. */
  start: string;
  end: string | null;
}

export interface CalendarReadings {
  processZone: string;
  icaljs: ParsedEvent[];
  nodeIcal: ParsedEvent[];
}

export function readCalendarUnder(zone: string, calendar: string): CalendarReadings {
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", READ_ALL], { input: calendar, env: { ...process.env, TZ: zone }, encoding: "utf8" });
  return JSON.parse(out) as CalendarReadings;
}

/**
 * The occurrences ical.js makes of a calendar's VEVENTs in [from, to), in a fresh Node whose
 * process zone is `zone`: each master with an RRULE expanded by ical.js's own recurrence iterator
 * (EXDATE honoured) against the calendar's VTIMEZONEs, a VEVENT with RECURRENCE-ID replacing the
 * occurrence it names (Event.relateException and getOccurrenceDetails, as Thunderbird does); a
 * single event is its own occurrence; and node-ical's expansion of the same (its
 * expandRecurringEvent, over rrule-temporal). Instants as ISO strings, sorted.
 */
const EXPAND = `
import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import ical from "node-ical";
const text = readFileSync(0, "utf8");
const from = Date.parse(process.env.EXPAND_FROM);
const to = Date.parse(process.env.EXPAND_TO);
const root = new ICAL.Component(ICAL.parse(text));
for (const zone of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
const masters = new Map();
const exceptions = [];
for (const v of root.getAllSubcomponents("vevent")) {
  const e = new ICAL.Event(v);
  if (e.isRecurrenceException()) exceptions.push(e);
  else masters.set(e.uid, e);
}
for (const e of exceptions) masters.get(e.uid).relateException(e);
const out = [];
const iso = (t) => t.toJSDate().toISOString();
for (const [uid, e] of masters) {
  if (!e.isRecurring()) {
    const start = e.startDate.toJSDate().getTime();
    const end = e.endDate.toJSDate().getTime();
    if (start < to && end > from) out.push({ uid, recurrenceId: null, start: iso(e.startDate), end: iso(e.endDate), summary: e.summary });
    continue;
  }
  const it = e.iterator();
  // Moved occurrences may lie a while from their RECURRENCE-ID: go on a month past the window.
  for (let next = it.next(); next && next.toJSDate().getTime() < to + 31 * 86400000; next = it.next()) {
    const d = e.getOccurrenceDetails(next);
    const start = d.startDate.toJSDate().getTime();
    const end = d.endDate.toJSDate().getTime();
    if (start < to && end > from) out.push({ uid, recurrenceId: iso(d.recurrenceId), start: iso(d.startDate), end: iso(d.endDate), summary: d.item.summary });
  }
}
const byStart = (a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.uid < b.uid ? -1 : 1);
out.sort(byStart);
const nodeIcal = [];
for (const e of Object.values(ical.sync.parseICS(text))) {
  if (e.type !== "VEVENT" || !e.rrule) continue;
  for (const i of ical.expandRecurringEvent(e, { from: new Date(from), to: new Date(to - 1), expandOngoing: true })) {
    if (i.start.getTime() < to && i.end.getTime() > from) nodeIcal.push({ uid: e.uid, start: i.start.toISOString(), end: i.end.toISOString(), summary: String(i.summary) });
  }
}
nodeIcal.sort(byStart);
console.log(JSON.stringify({ processZone: Intl.DateTimeFormat().resolvedOptions().timeZone, occurrences: out, nodeIcal }));
`;

export interface ExpandedOccurrence {
  uid: string;
  /** The occurrence's RECURRENCE-ID as an ISO instant; null for a single event. */
  recurrenceId: string | null;
  start: string;
  end: string;
  summary: string;
}

export interface Expansions {
  processZone: string;
  /** ical.js's expansion of every VEVENT. */
  occurrences: ExpandedOccurrence[];
  /** node-ical's (expandRecurringEvent) of the VEVENTs with an RRULE. */
  nodeIcal: Omit<ExpandedOccurrence, "recurrenceId">[];
}

export function expandCalendarUnder(zone: string, calendar: string, window: { from: Date; to: Date }): Expansions {
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", EXPAND], {
    input: calendar,
    env: { ...process.env, TZ: zone, EXPAND_FROM: window.from.toISOString(), EXPAND_TO: window.to.toISOString() },
    encoding: "utf8",
  });
  return JSON.parse(out) as Expansions;
}
