import type { EntryTime } from "@/lib/calendar/types";
import { addCalendarDays, instantToWallClock } from "@/lib/time/zoned";
import type { EntryFormValues } from "./entry-form";

const BLANK = { title: "", location: "", description: "", private: false, client: null, case: null, attendees: [] };

/**
 * The New entry form's first values: the range dragged over, or an hour at 09:00 on the day in
 * view when the button opened it.
 */
export function newEntryValues(time: EntryTime | undefined, date: string, timeZone: string): EntryFormValues {
  if (!time) return { ...BLANK, allDay: false, start: `${date}T09:00`, end: `${date}T10:00`, startDate: date, endDate: date };
  if (time.allDay) {
    const last = addCalendarDays(time.endDate, -1);
    return { ...BLANK, allDay: true, start: `${time.startDate}T09:00`, end: `${time.startDate}T10:00`, startDate: time.startDate, endDate: last };
  }
  const start = instantToWallClock(new Date(time.start), timeZone);
  const end = instantToWallClock(new Date(time.end), timeZone);
  return { ...BLANK, allDay: false, start, end, startDate: start.slice(0, 10), endDate: end.slice(0, 10) };
}
