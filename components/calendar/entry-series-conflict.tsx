"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { InstantReader } from "@/lib/i18n/format-for";
import { formatInstantFor } from "@/lib/i18n/format-for";
import type { SeriesConflictDetails } from "@/lib/resources/series-bookings";

/**
 * What the entry form shows when resources of a recurring entry are taken on some of its dates
 * (the message above says how many): each date with the resource and who holds it ("busy" where
 * their entry is private), a button that leaves those dates out of the series and saves again,
 * and the resources free on every date to use instead. Nothing was saved meanwhile.
 */
export function EntrySeriesConflict({
  details,
  reader,
  pending,
  onSkip,
  onSwap,
}: {
  details: SeriesConflictDetails;
  reader: InstantReader;
  pending: boolean;
  /** Save again with these occurrences (RECURRENCE-IDs) left out of the series. */
  onSkip: (recurrenceIds: string[]) => void;
  /** Replace the taken resource with the chosen one for the whole series. */
  onSwap: (taken: string, instead: { id: string; label: string }) => void;
}) {
  const t = useTranslations("calendar.form");
  const dates = [...new Set(details.seriesConflicts.map((c) => c.recurrenceId))];
  return (
    <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 md:col-span-6" data-testid="series-conflicts">
      <p className="font-medium" id="series-conflicts-heading">
        {t("seriesTakenDates")}
      </p>
      <ul className="space-y-0.5" aria-labelledby="series-conflicts-heading">
        {details.seriesConflicts.map((c) => {
          const when = `${formatInstantFor(new Date(c.start), reader)} – ${formatInstantFor(new Date(c.end), reader, "time")}`;
          return (
            <li key={`${c.recurrenceId}/${c.resource.id}`}>
              {c.occupant
                ? t("seriesDateTaken", { when, resource: c.resource.name, title: c.occupant.title, owner: c.occupant.owner })
                : t("seriesDateBusy", { when, resource: c.resource.name })}
            </li>
          );
        })}
      </ul>
      <Button size="sm" disabled={pending} onClick={() => onSkip(dates)}>
        {t("skipTakenDates", { count: dates.length })}
      </Button>
      {details.alternatives.map((a) =>
        a.instead.length ? (
          <div key={a.resource.id}>
            <p>{t("seriesAlternatives", { resource: a.resource.name })}</p>
            <ul className="mt-1 flex flex-wrap gap-2">
              {a.instead.map((r) => (
                <li key={r.id}>
                  <Button size="sm" onClick={() => onSwap(a.resource.id, { id: r.id, label: r.name })}>
                    {t("useInstead", { name: r.name })}
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p key={a.resource.id}>{t("noResourceAlternatives", { resource: a.resource.name })}</p>
        ),
      )}
    </div>
  );
}
