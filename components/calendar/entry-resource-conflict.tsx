"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { InstantReader } from "@/lib/i18n/format-for";
import { formatInstantFor } from "@/lib/i18n/format-for";
import type { ConflictDetails } from "@/lib/resources/conflicts";

/**
 * What the entry form offers when one of its resources is taken (the message above names it and
 * who holds it): a free resource of the same kind and place to use instead, or the next time
 * the resource is free, to move the whole entry to. Nothing is saved until the form is sent again.
 */
export function EntryResourceConflict({
  details,
  reader,
  onSwap,
  onMove,
}: {
  details: ConflictDetails;
  reader: InstantReader;
  /** Replace the taken resource with the chosen alternative. */
  onSwap: (taken: string, instead: { id: string; label: string }) => void;
  /** Move the entry to the resource's next free time (instants). */
  onMove: (slot: { start: string; end: string }) => void;
}) {
  const t = useTranslations("calendar.form");
  const { resource, alternatives, nextFree } = details;
  return (
    <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 md:col-span-6">
      {alternatives.length ? (
        <div>
          <p className="font-medium">{t("resourceAlternatives", { resource: resource.name })}</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {alternatives.map((a) => (
              <li key={a.id}>
                <Button size="sm" onClick={() => onSwap(resource.id, { id: a.id, label: a.name })}>
                  {t("useInstead", { name: a.name })}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p>{t("noResourceAlternatives", { resource: resource.name })}</p>
      )}
      {nextFree ? (
        <p className="flex flex-wrap items-center gap-2">
          {t("resourceNextFree", { resource: resource.name, from: formatInstantFor(new Date(nextFree.start), reader) })}
          <Button size="sm" onClick={() => onMove(nextFree)}>
            {t("moveEntryThere")}
          </Button>
        </p>
      ) : null}
    </div>
  );
}
