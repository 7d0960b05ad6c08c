import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EntryFormPage } from "@/components/calendar/entry-form-page";
import { entryTimeInput } from "@/components/calendar/calendar-items";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { caseLabel } from "@/lib/pickers/clients";
import { resourcesOfEntry } from "@/lib/resources/entry-bookings";
import { entryDetailFor } from "../../load-entry";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("calendar.form");
  return { title: t("editTitle") };
}

/** Editing an entry: the whole form, for those who may edit it and see its details. */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { viewer, entry } = await entryDetailFor((await params).id);
  if (!entry.canEdit || entry.masked) forbidden();
  const t = await getTranslations("calendar.form");
  const time = entryTimeInput(entry, viewer.timeZone);
  const client = entry.client ? { id: entry.client.id, label: entry.client.name } : null;
  const resources = await resourcesOfEntry(await getDb(), entry.id);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("editTitle")} description={entry.title ?? undefined} />
      <Card>
        <EntryFormPage
          entryId={entry.id}
          timeZone={viewer.timeZone}
          dateFormat={viewer.dateFormat}
          owner={{ id: entry.owner.id, name: entry.owner.name }}
          initial={{
            title: entry.title ?? "",
            allDay: time.allDay,
            start: time.allDay ? `${time.startDate}T09:00` : time.start,
            end: time.allDay ? `${time.startDate}T10:00` : time.end,
            startDate: time.allDay ? time.startDate : time.start.slice(0, 10),
            endDate: time.allDay ? time.endDate : time.end.slice(0, 10),
            location: entry.location ?? "",
            description: entry.description ?? "",
            private: entry.visibility === "private",
            client,
            case: entry.case ? { id: entry.case.id, label: caseLabel(entry.case), ...(client ? { client } : {}) } : null,
            attendees: entry.attendees.filter((a) => a.id !== entry.owner.id).map((a) => ({ id: a.id, label: a.name })),
            guests: entry.guests.map((g) => ({ email: g.email, name: g.name })),
            resources: resources.map((r) => ({ id: r.id, label: r.name, detail: r.location })),
            repeat: entry.repeat,
          }}
        />
      </Card>
    </div>
  );
}
