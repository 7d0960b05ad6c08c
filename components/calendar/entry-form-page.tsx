"use client";

import { useRouter } from "next/navigation";
import type { DateFormat } from "@/lib/i18n/format-for";
import { EntryForm, type EntryFormValues } from "./entry-form";

/**
 * The form on a page of its own (editing, or "Plan a meeting" from a client or a case): to the
 * entry's page when saved; back where the person came from when left.
 */
export function EntryFormPage({
  entryId,
  initial,
  timeZone,
  dateFormat,
  owner,
  otherCalendars,
}: {
  /** The entry being edited; none for a new one. */
  entryId?: string;
  initial: EntryFormValues;
  timeZone: string;
  dateFormat?: DateFormat;
  owner: { id: string; name: string };
  /** For a new entry: calendars of owners who let the viewer edit theirs. */
  otherCalendars?: { id: string; name: string }[];
}) {
  const router = useRouter();
  const open = (id: string) => router.push(`/calendar/entries/${id}`);
  const leave = () => (entryId ? open(entryId) : router.back());
  return entryId ? (
    <EntryForm mode="edit" entryId={entryId} initial={initial} timeZone={timeZone} dateFormat={dateFormat} me={owner} onDone={open} onCancel={leave} />
  ) : (
    <EntryForm
      mode="create"
      otherCalendars={otherCalendars}
      initial={initial}
      timeZone={timeZone}
      dateFormat={dateFormat}
      me={owner}
      onDone={open}
      onCancel={leave}
    />
  );
}
