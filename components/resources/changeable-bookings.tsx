import { getTranslations } from "next-intl/server";
import type { CalendarReader } from "@/components/calendar/calendar-reader";
import { Card } from "@/components/ui/card";
import { formatEntryTime } from "@/lib/calendar/entry-format";
import type { VisibleBooking } from "@/lib/resources/queries";
import { BookingManage } from "./booking-manage";

/**
 * The bookings of this resource shown on the page that the viewer may change (their own, or any
 * for an admin) and that are still to come, each with its dialog to change or cancel it. A
 * meeting's room is changed through the meeting, so it is not listed.
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
  const changeable = bookings.filter((b) => b.canChange && !b.entryId && b.end > now);
  if (!changeable.length) return null;
  return (
    <Card>
      <section aria-labelledby="changeable-heading" className="space-y-2">
        <div>
          <h2 id="changeable-heading">{t("listTitle")}</h2>
          <p className="text-xs text-slate-600">{t("listHint")}</p>
        </div>
        <ul className="divide-y divide-slate-100 text-sm">
          {changeable.map((b) => {
            const when = formatEntryTime({ allDay: false, start: b.start.toISOString(), end: b.end.toISOString() }, reader);
            const label = b.purpose ? `${when} · ${b.purpose}` : when;
            return (
              <li key={b.id} className="flex items-center justify-between gap-2 py-1.5">
                <span className="min-w-0">
                  <span className="block tabular-nums text-slate-800">{when}</span>
                  {b.purpose ? <span className="block truncate text-xs text-slate-600">{b.purpose}</span> : null}
                </span>
                <BookingManage
                  booking={{ id: b.id, start: b.start.toISOString(), end: b.end.toISOString(), purpose: b.purpose ?? "", label }}
                  resourceName={resourceName}
                  timeZone={reader.timeZone}
                />
              </li>
            );
          })}
        </ul>
      </section>
    </Card>
  );
}
