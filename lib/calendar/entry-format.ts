import { addCalendarDays } from "@/lib/time/calendar-date";
import { localDateOf } from "@/lib/time/zoned";
import { formatInstantFor, resolveDateFormat, type InstantReader } from "@/lib/i18n/format-for";
import type { EntryTime } from "./types";

/**
 * A local date ("2027-03-02") in the reader's date format; the zone plays no part in a date,
 * except in choosing the "auto" format (an American zone reads 03/02/2027), so that is resolved first.
 */
function formatLocalDate(date: string, reader: InstantReader): string {
  return formatInstantFor(new Date(`${date}T12:00:00Z`), { ...reader, dateFormat: resolveDateFormat(reader), timeZone: "UTC" }, "date");
}

/**
 * When an entry happens, for its reader: "02.03.2027, 10:00–11:00" within a day,
 * "02.03.2027, 22:00 – 03.03.2027, 01:00" across days, "02.03.2027" or
 * "02.03.2027 – 04.03.2027" all day (its last day, not the exclusive end).
 */
export function formatEntryTime(time: EntryTime, reader: InstantReader): string {
  if (time.allDay) {
    const last = addCalendarDays(time.endDate, -1);
    return last === time.startDate ? formatLocalDate(time.startDate, reader) : `${formatLocalDate(time.startDate, reader)} – ${formatLocalDate(last, reader)}`;
  }
  const start = new Date(time.start);
  const end = new Date(time.end);
  if (localDateOf(start, reader.timeZone) === localDateOf(end, reader.timeZone)) {
    return `${formatInstantFor(start, reader, "full")}–${formatInstantFor(end, reader, "time")}`;
  }
  return `${formatInstantFor(start, reader, "full")} – ${formatInstantFor(end, reader, "full")}`;
}
