import type { CalendarItem, CalendarWindow, EntryTime } from "./types";

/** Someone already busy when an entry would take place: who, and with what (null: "Busy"). */
export interface Conflict {
  personId: string;
  personName: string;
  entryId: string;
  title: string | null;
  time: EntryTime;
}

/**
 * Who among `people` is already busy during [start, end): a warning for the entry form, not a
 * refusal (rooms are refused, people are warned). Reads a window the viewer fetched, so private
 * entries arrive masked and count as busy without saying what they are. A declined invitation
 * does not make anyone busy; the entry being edited does not conflict with itself.
 */
export function conflictsIn(
  window: CalendarWindow,
  wanted: { start: Date; end: Date; startDate: string; endDate: string; people: string[]; exceptEntryId?: string },
): Conflict[] {
  const names = new Map(window.people.map((p) => [p.id, p.name]));
  const people = new Set(wanted.people);
  const overlaps = (item: CalendarItem) =>
    item.allDay
      ? item.startDate < wanted.endDate && item.endDate > wanted.startDate
      : Date.parse(item.start) < wanted.end.getTime() && Date.parse(item.end) > wanted.start.getTime();
  return window.entries
    .filter((item) => people.has(item.personId) && item.id !== wanted.exceptEntryId && item.response !== "declined" && overlaps(item))
    .map((item) => ({
      personId: item.personId,
      personName: names.get(item.personId) ?? "",
      entryId: item.id,
      title: item.masked ? null : item.title,
      time: item.allDay ? { allDay: true, startDate: item.startDate, endDate: item.endDate } : { allDay: false, start: item.start, end: item.end },
    }));
}
