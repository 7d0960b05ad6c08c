import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { CalendarDays, ChevronLeft, Lock } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { DeliveryLog } from "@/components/calendar/delivery-log";
import { EntryHistory } from "@/components/calendar/entry-history";
import { EntryPageActions } from "@/components/calendar/entry-page-actions";
import { ResponseBadge } from "@/components/calendar/response-badge";
import { deliveryLogFor } from "@/lib/calendar/delivery-log";
import { formatEntryTime } from "@/lib/calendar/entry-format";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { resourcesOfEntry } from "@/lib/resources/entry-bookings";
import { calendarReaderOf } from "../../calendar-reader";
import { entryDetailFor } from "../load-entry";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getTranslations("calendar");
  const { entry } = await entryDetailFor((await params).id);
  return { title: entry.masked || !entry.title ? t("view.busy") : entry.title };
}

/** One calendar entry: what, when, where, who answered what, and what changed. "Busy" and its time only, when private to the viewer. */
export default async function Page({ params }: Params) {
  const { viewer, entry } = await entryDetailFor((await params).id);
  const t = await getTranslations("calendar");
  const ti = await getTranslations("invitations.detail");
  const reader = await calendarReaderOf(viewer);
  const title = entry.masked || !entry.title ? t("view.busy") : entry.title;
  const dayOf = entry.allDay ? entry.startDate : entry.start.slice(0, 10);
  // Only for those who see the entry's details: a private entry's rooms say what it is about.
  const resources = entry.masked ? [] : await resourcesOfEntry(await getDb(), entry.id);
  // The organiser's and editors' view of the invitation e-mails; deliveryLogFor refuses anyone else too.
  const deliveryLog = entry.canEdit && !entry.masked ? await deliveryLogFor(await getDb(), viewer, entry.id) : null;

  return (
    <article aria-labelledby="entry-title" className="mx-auto max-w-4xl">
      <Link href={`/calendar?view=week&date=${dayOf}`} className="mb-2 inline-flex items-center gap-1 text-xs font-medium text-slate-500 hover:text-slate-800">
        <ChevronLeft aria-hidden className="h-3.5 w-3.5" />
        {t("detail.back")}
      </Link>
      <header className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-xs font-medium text-slate-500">
            {t("detail.organizer")} {entry.owner.name}
          </p>
          <h1 id="entry-title" className="mt-0.5 flex items-center gap-2 text-xl break-words">
            {title}
            {entry.visibility === "private" ? (
              <span className="inline-flex items-center gap-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-slate-200">
                <Lock aria-hidden className="h-3 w-3" />
                {t("detail.privateBadge")}
              </span>
            ) : null}
          </h1>
          <p className="mt-1 flex items-center gap-1.5 text-sm text-slate-700">
            <CalendarDays aria-hidden className="h-4 w-4 text-slate-400" />
            {formatEntryTime(entry, reader)}
          </p>
        </div>
        {entry.masked ? null : (
          <EntryPageActions entryId={entry.id} title={title} time={entry} timeZone={viewer.timeZone} canEdit={entry.canEdit} myResponse={entry.myResponse} />
        )}
      </header>

      {entry.masked ? (
        <Card>
          <p className="text-sm text-slate-600">{t("detail.busyBody")}</p>
        </Card>
      ) : (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
          <div className="space-y-4 lg:col-span-2">
            <Card title={t("detail.details")}>
              <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-2 text-sm">
                <dt className="text-slate-500">{t("detail.location")}</dt>
                <dd className="text-slate-800">{entry.location || "—"}</dd>
                <dt className="text-slate-500">{t("detail.client")}</dt>
                <dd>
                  {entry.client ? (
                    <Link href={`/clients/${entry.client.id}`} className="text-brand-700 hover:underline">
                      {entry.client.name}
                    </Link>
                  ) : (
                    "—"
                  )}
                </dd>
                <dt className="text-slate-500">{t("detail.case")}</dt>
                <dd>
                  {entry.case ? (
                    <Link href={`/cases/${entry.case.id}`} className="text-brand-700 hover:underline">
                      #{entry.case.number} {entry.case.title}
                    </Link>
                  ) : (
                    "—"
                  )}
                </dd>
                <dt className="text-slate-500">{t("detail.description")}</dt>
                <dd className="whitespace-pre-line text-slate-800">{entry.description || "—"}</dd>
              </dl>
            </Card>
            {deliveryLog ? <DeliveryLog rows={deliveryLog} reader={reader} /> : null}
            <Card title={t("detail.history")}>
              <EntryHistory rows={entry.history} reader={reader} />
            </Card>
          </div>
          <div className="space-y-4">
            <Card title={t("detail.attendees")}>
              {entry.attendees.length || entry.guests.length ? (
                <ul className="divide-y divide-slate-100 text-sm">
                  {entry.attendees.map((a) => (
                    <li key={a.id} className="flex items-center justify-between gap-2 py-1.5">
                      <span className="text-slate-800">{a.name}</span>
                      <ResponseBadge response={a.response} />
                    </li>
                  ))}
                  {entry.guests.map((g) => (
                    <li key={g.id} className="flex items-center justify-between gap-2 py-1.5">
                      <span className="min-w-0 break-words text-slate-800">
                        {g.name ?? g.email}
                        <span className="block text-xs text-slate-500">
                          {g.name ? `${g.email} · ` : ""}
                          {ti("guest")}
                        </span>
                      </span>
                      <ResponseBadge response={g.response} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-slate-500">{t("detail.noAttendees")}</p>
              )}
            </Card>
            <Card title={t("detail.resources")}>
              {resources.length ? (
                <ul className="divide-y divide-slate-100 text-sm">
                  {resources.map((r) => (
                    <li key={r.id} className="py-1.5">
                      <Link
                        href={`/resources/${r.id}`}
                        className="text-brand-700 hover:underline focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
                      >
                        {r.name}
                      </Link>
                      {r.location ? <span className="block text-xs text-slate-500">{r.location}</span> : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-slate-500">{t("detail.noResources")}</p>
              )}
            </Card>
          </div>
        </div>
      )}
    </article>
  );
}
