import type { EntryTime } from "@/lib/calendar/types";
import { formatInstantFor, resolveDateFormat, type InstantReader } from "@/lib/i18n/format-for";
import { addCalendarDays, localDateOf } from "@/lib/time/zoned";

/**
 * A local date read as the reader reads dates: noon UTC read in UTC names that very day, with
 * the format the reader's own zone chose ("auto" looks at the zone).
 */
function dateLabel(localDate: string, reader: InstantReader): string {
  return formatInstantFor(new Date(`${localDate}T12:00:00Z`), { ...reader, timeZone: "UTC", dateFormat: resolveDateFormat(reader) }, "date");
}

/**
 * When an entry happens, in the reader's zone and date format: "07.12.2026, 09:00–10:30",
 * "07.12.2026 09:00 – 08.12.2026 11:00" across days, "07.12.2026 – 09.12.2026" for all-day days.
 */
export function entryWhen(time: EntryTime, reader: InstantReader): string {
  if (time.allDay) {
    const last = addCalendarDays(time.endDate, -1);
    return last <= time.startDate ? dateLabel(time.startDate, reader) : `${dateLabel(time.startDate, reader)} – ${dateLabel(last, reader)}`;
  }
  const start = new Date(time.start);
  const end = new Date(time.end);
  const sameDay = localDateOf(start, reader.timeZone) === localDateOf(end, reader.timeZone);
  if (sameDay) return `${formatInstantFor(start, reader, "date")}, ${formatInstantFor(start, reader, "time")}–${formatInstantFor(end, reader, "time")}`;
  return `${formatInstantFor(start, reader, "full")} – ${formatInstantFor(end, reader, "full")}`;
}
