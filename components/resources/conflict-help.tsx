"use client";

import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { ConflictDetails } from "@/lib/resources/conflicts";
import { instantToWallClock } from "@/lib/time/wall-clock";

/**
 * What a refused booking offers: free resources of the same kind and place at that time, and the
 * next free slot of this one, which `onUseNextFree` puts into the form (as wall-clock values in
 * the viewer's zone).
 */
export function ConflictHelp({
  details,
  timeZone,
  onUseNextFree,
}: {
  details: ConflictDetails;
  timeZone: string;
  onUseNextFree: (times: { start: string; end: string }) => void;
}) {
  const t = useTranslations("resources.form");
  const wall = (iso: string) => instantToWallClock(new Date(iso), timeZone);
  const next = details.nextFree;
  return (
    <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {details.alternatives.length ? (
        <div>
          <p className="font-medium">{t("alternatives")}</p>
          <ul className="list-disc pl-5">
            {details.alternatives.map((a) => (
              <li key={a.id}>
                <Link className="underline focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none" href={`/resources/${a.id}`}>
                  {a.name}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p>{t("noAlternatives")}</p>
      )}
      {next ? (
        <p className="flex flex-wrap items-center gap-2">
          {t("nextFree", { from: wall(next.start).replace("T", " ") })}
          <Button size="sm" onClick={() => onUseNextFree({ start: wall(next.start), end: wall(next.end) })}>
            {t("useNextFree")}
          </Button>
        </p>
      ) : null}
    </div>
  );
}
