import { CalendarPlus, Lock, Repeat2 } from "lucide-react";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import type { Db } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import { formatEntryTime } from "@/lib/calendar/entry-format";
import { entriesAbout, type RelatedEntry } from "@/lib/calendar/queries";
import { now } from "@/lib/time/clock";
import { calendarReaderFor, dateLabel } from "./calendar-reader";
import { describeRepeat, type RepeatTranslator } from "@/lib/calendar/repeat-words";

/**
 * Meetings and visits tied to a client or a case, next ones first, and a "Plan a meeting" that
 * opens the entry form with them filled in. Private entries the viewer may not see are not listed.
 */
export async function RelatedEntries({ db, viewer, clientId, caseId }: { db: Db; viewer: Viewer; clientId: string; caseId?: string }) {
  const t = await getTranslations("calendar.related");
  const { upcoming, past } = await entriesAbout(db, viewer, caseId ? { caseId } : { clientId }, now());
  const query = new URLSearchParams({ clientId });
  if (caseId) query.set("caseId", caseId);
  const reader = { locale: viewer.locale, timeZone: viewer.timeZone, dateFormat: viewer.dateFormat };
  const say = (await getTranslations("calendar.form.repeat")) as unknown as RepeatTranslator;
  const calendarReader = calendarReaderFor(viewer.locale, viewer.timeZone, viewer.dateFormat);
  const formatDate = (date: string, withYear: boolean) =>
    dateLabel(calendarReader, date, withYear ? { day: "numeric", month: "long", year: "numeric" } : { day: "numeric", month: "long" });
  const repeats = (e: RelatedEntry) => (e.series ? describeRepeat(e.series.repeat, e.series.startDate, say, formatDate) : null);
  return (
    <Card
      title={t("title")}
      actions={
        <Link href={`/calendar/entries/new?${query}`} className={buttonClass("secondary", "sm")}>
          <CalendarPlus aria-hidden className="h-3.5 w-3.5" />
          {t("plan")}
        </Link>
      }
    >
      {upcoming.length || past.length ? (
        <div className="space-y-3">
          {upcoming.length ? (
            <EntryGroup label={t("upcoming")} entries={upcoming} format={(e) => formatEntryTime(e, reader)} repeats={repeats} privateLabel={t("private")} />
          ) : null}
          {past.length ? (
            <EntryGroup label={t("past")} entries={past} format={(e) => formatEntryTime(e, reader)} repeats={repeats} privateLabel={t("private")} />
          ) : null}
        </div>
      ) : (
        <EmptyState title={t("empty")}>{t("hint")}</EmptyState>
      )}
    </Card>
  );
}

function EntryGroup({
  label,
  entries,
  format,
  repeats,
  privateLabel,
}: {
  label: string;
  entries: RelatedEntry[];
  format: (e: RelatedEntry) => string;
  repeats: (e: RelatedEntry) => string | null;
  privateLabel: string;
}) {
  return (
    <section>
      <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{label}</h3>
      <ul className="divide-y divide-slate-100">
        {entries.map((entry) => (
          <li key={entry.id} className="py-2">
            <div className="flex items-center gap-2 text-sm">
              <Link
                href={`/calendar/entries/${entry.id}`}
                title={entry.title}
                className="min-w-0 flex-1 truncate font-medium text-slate-900 hover:text-brand-700 hover:underline"
              >
                {entry.title}
              </Link>
              {entry.visibility === "private" ? (
                <span className="inline-flex items-center gap-1 text-xs text-slate-600">
                  <Lock aria-hidden className="h-3 w-3" />
                  {privateLabel}
                </span>
              ) : null}
            </div>
            <div className="mt-0.5 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
              <span className="tabular-nums">{format(entry)}</span>
              <span>{entry.ownerName}</span>
              {entry.location ? <span>{entry.location}</span> : null}
              {entry.series ? (
                <span className="inline-flex items-center gap-1">
                  <Repeat2 aria-hidden className="h-3 w-3" />
                  {repeats(entry)}
                </span>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
