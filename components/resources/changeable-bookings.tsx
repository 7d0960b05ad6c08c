import { getTranslations } from "next-intl/server";
import type { CalendarReader } from "@/components/calendar/calendar-reader";
import { formatEntryTime } from "@/lib/calendar/entry-format";
import type { VisibleBooking } from "@/lib/resources/queries";
import { ChangeableList } from "./changeable-list";

/**
 * The bookings of this resource shown on the page that the viewer may change (their own, a
 * meeting's they may edit, or any for an admin) and that are still to come. A booking on its own
 * opens a dialog to change or cancel it; a meeting's booking links to the meeting's form for its
 * time and can be removed from the meeting.
 */
export async function ChangeableBookings({
  bookings,
  resourceName,
  reader,
  now,
}: {
  bookings: VisibleBooking[];
  resourceName: string;
  reader: CalendarReader;
  now: Date;
}) {
  const t = await getTranslations("resources.manage");
  const changeable = bookings.filter((b) => b.canChange && b.end > now);
  const rows = changeable.map((b) => {
    const when = formatEntryTime({ allDay: false, start: b.start.toISOString(), end: b.end.toISOString() }, reader);
    const about = !b.inEntry ? (b.purpose ?? "") : b.busy ? t("partOfBusyMeeting") : t("partOfMeeting", { title: b.purpose ?? "" });
    return {
      id: b.id,
      start: b.start.toISOString(),
      end: b.end.toISOString(),
      purpose: b.purpose ?? "",
      when,
      about,
      label: b.purpose ? `${when} · ${b.purpose}` : when,
      entry: b.inEntry ? { id: b.entryId, editable: b.editsEntry } : null,
    };
  });
  // Rendered even with none: the list keeps a booking cancelled from its still open dialog.
  return <ChangeableList title={t("listTitle")} hint={t("listHint")} rows={rows} resourceName={resourceName} timeZone={reader.timeZone} />;
}
