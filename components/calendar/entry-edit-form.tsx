"use client";

import { useRouter } from "next/navigation";
import { EntryForm, type EntryFormValues } from "./entry-form";

/** The edit page's form: back to the entry page when saved or left. */
export function EntryEditForm({
  entryId,
  initial,
  timeZone,
  me,
}: {
  entryId: string;
  initial: EntryFormValues;
  timeZone: string;
  me: { id: string; name: string };
}) {
  const router = useRouter();
  const back = () => router.push(`/calendar/entries/${entryId}`);
  return <EntryForm mode="edit" entryId={entryId} initial={initial} timeZone={timeZone} me={me} onDone={back} onCancel={back} />;
}
