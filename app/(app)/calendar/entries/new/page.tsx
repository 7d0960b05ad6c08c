import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/app/require-viewer";
import { EntryFormPage } from "@/components/calendar/entry-form-page";
import { newEntryValues } from "@/components/calendar/new-entry-values";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { editableCalendarsOf } from "@/lib/calendar/grants";
import { chosenCase, chosenClient } from "@/lib/pickers/clients";
import { isLocalDate } from "@/lib/time/calendar-date";
import { now } from "@/lib/time/clock";
import { localDateOf } from "@/lib/time/zoned";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("calendar.form");
  return { title: t("newTitle") };
}

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

/** /calendar/entries/new?clientId=…&caseId=…&date=…: "Plan a meeting" from a client's or a case's page, pre-filled. */
export default async function Page({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requireViewer();
  const t = await getTranslations("calendar.form");
  const search = await searchParams;
  const db = await getDb();
  const [kase, chosen, otherCalendars] = await Promise.all([
    chosenCase(db, viewer, one(search.caseId)),
    chosenClient(db, viewer, one(search.clientId)),
    editableCalendarsOf(db, viewer),
  ]);
  const client = kase?.client ?? chosen;
  const date = isLocalDate(one(search.date)) ? one(search.date) : localDateOf(now(), viewer.timeZone);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("newTitle")} />
      <Card>
        <EntryFormPage
          timeZone={viewer.timeZone}
          dateFormat={viewer.dateFormat}
          owner={{ id: viewer.id, name: viewer.name }}
          otherCalendars={otherCalendars}
          initial={{ ...newEntryValues(undefined, date, viewer.timeZone), client, case: kase }}
        />
      </Card>
    </div>
  );
}
