"use client";

import { Clock, ExternalLink, Lock, MapPin } from "lucide-react";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { cancelEntryAction, deleteOccurrenceAction } from "@/lib/calendar/actions";
import type { CalendarItem } from "@/lib/calendar/types";
import type { InstantReader } from "@/lib/i18n/format-for";
import { formatEntryTime } from "@/lib/calendar/entry-format";
import { EntryAnswer } from "./entry-answer";
import { OccurrenceScopeField } from "./repeat/occurrence-scope";
import type { OccurrenceScope } from "./repeat/scopes";

/**
 * What a click (or Enter) on an entry opens: its time, place and privacy, the viewer's answer
 * when invited, and the keyboard's way to everything a drag does ("Change time…").
 */
export function EntryDetailsDialog({
  item,
  title,
  reader,
  meId,
  onChangeTime,
  onChanged,
  onClose,
  onCloseAutoFocus,
}: {
  item: CalendarItem;
  title: string;
  reader: InstantReader;
  meId: string;
  onChangeTime: () => void;
  /** After a cancellation: the windows are read again. (An answer refreshes them itself.) */
  onChanged: (message: string) => void;
  onClose: () => void;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const t = useTranslations("calendar.entry");
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [scope, setScope] = useState<OccurrenceScope>("one");
  const occurrence = item.recurrenceId;
  const mine = item.personId === meId;
  const invited = mine && item.response !== null;

  async function cancelEntry() {
    setPending(true);
    const result = await (occurrence ? deleteOccurrenceAction({ id: item.id, recurrenceId: occurrence, scope }) : cancelEntryAction({ id: item.id })).catch(
      () => null,
    );
    setPending(false);
    if (!result?.ok) return setError(result?.error ?? t("failed"));
    onChanged(occurrence ? t("occurrenceDeleted", { title }) : t("cancelled", { title }));
    onClose();
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={title} closeLabel={t("close")} onCloseAutoFocus={onCloseAutoFocus}>
      <div className="space-y-3 text-sm">
        {error ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800">
            {error}
          </p>
        ) : null}
        <dl className="space-y-1.5 text-slate-700">
          <div className="flex items-start gap-2">
            <dt>
              <Clock aria-hidden className="mt-0.5 h-4 w-4 text-slate-400" />
              <span className="sr-only">{t("when")}</span>
            </dt>
            <dd>{formatEntryTime(item, reader)}</dd>
          </div>
          {item.location ? (
            <div className="flex items-start gap-2">
              <dt>
                <MapPin aria-hidden className="mt-0.5 h-4 w-4 text-slate-400" />
                <span className="sr-only">{t("where")}</span>
              </dt>
              <dd>{item.location}</dd>
            </div>
          ) : null}
          {item.visibility === "private" ? (
            <div className="flex items-start gap-2">
              <dt>
                <Lock aria-hidden className="mt-0.5 h-4 w-4 text-slate-400" />
                <span className="sr-only">{t("visibility")}</span>
              </dt>
              <dd>{item.masked ? t("maskedNote") : t("privateNote")}</dd>
            </div>
          ) : null}
        </dl>

        {invited ? (
          <div className="rounded-md border border-slate-200 p-2.5">
            <p className="mb-1.5 text-xs font-medium text-slate-600">{t("yourAnswer")}</p>
            {occurrence ? (
              // One occurrence of a series: answer it alone, or the whole series (which replaces answers to single ones).
              <div className="space-y-2">
                <div>
                  <p className="mb-1 text-xs text-slate-500">{t("answerThisOccurrence")}</p>
                  <EntryAnswer entryId={item.id} recurrenceId={occurrence} response={item.response!} about={t("answerThisOccurrence")} />
                </div>
                <div>
                  <p className="mb-1 text-xs text-slate-500">{t("answerWholeSeries")}</p>
                  <EntryAnswer entryId={item.id} response={item.response!} about={t("answerWholeSeries")} />
                </div>
              </div>
            ) : (
              <EntryAnswer entryId={item.id} response={item.response!} />
            )}
          </div>
        ) : null}

        {confirming ? (
          <div role="group" aria-label={t("cancelEntry")} className="rounded-md border border-red-200 bg-red-50 p-2.5">
            <p className="mb-2 text-red-900">{occurrence ? t("deleteOccurrenceConfirm") : t("cancelConfirm")}</p>
            {occurrence ? (
              <div className="mb-2 bg-white">
                <OccurrenceScopeField value={scope} onChange={setScope} idPrefix="delete" />
              </div>
            ) : null}
            <div className="flex gap-1.5">
              <Button size="sm" variant="danger" disabled={pending} onClick={() => void cancelEntry()} autoFocus>
                {t("cancelYes")}
              </Button>
              <Button size="sm" onClick={() => setConfirming(false)}>
                {t("cancelNo")}
              </Button>
            </div>
          </div>
        ) : null}

        <div className="flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 pt-3">
          <Link href={`/calendar/entries/${item.id}`} className={buttonClass("ghost", "md", "mr-auto")}>
            <ExternalLink aria-hidden className="h-4 w-4" />
            {t("open")}
          </Link>
          {item.canEdit ? (
            <>
              <Button variant="danger" onClick={() => setConfirming(true)} disabled={pending || confirming}>
                {t("cancelEntry")}
              </Button>
              <Button variant="primary" onClick={onChangeTime}>
                {t("changeTime")}
              </Button>
            </>
          ) : null}
        </div>
      </div>
    </Dialog>
  );
}
