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
