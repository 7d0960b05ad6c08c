import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/app/require-viewer";
import { GrantControls } from "@/components/calendar/sharing/grant-controls";
import { GrantForm } from "@/components/calendar/sharing/grant-form";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { grantsOf } from "@/lib/calendar/grants";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.calendarSharing"))("title") };
}

/** Who may edit my calendar or see my private entries, and whose calendars I may act in. */
export default async function CalendarSharingPage() {
  const viewer = await requireViewer();
  const { given, received } = await grantsOf(await getDb(), viewer);
  const t = await getTranslations("settings.calendarSharing");
  const yesNo = (v: boolean) => (v ? t("yes") : t("no"));
  return (
    <div className="grid gap-4">
      <PageHeader title={t("title")} description={t("description")} />
      <Card title={t("givenTitle")}>
        <p className="mb-3 text-sm text-slate-600">{t("privateRule")}</p>
        <GrantForm />
        <div className="mt-4">
          {given.length === 0 ? (
            <EmptyState title={t("noneGiven")} />
          ) : (
            <Table caption={t("givenTitle")}>
              <thead>
                <tr>
                  <Th>{t("person")}</Th>
                  <Th>{t("permissions")}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {given.map((g) => (
                  <tr key={g.granteeId}>
                    <Td className="font-medium">{g.granteeName}</Td>
                    <Td>
                      <GrantControls granteeId={g.granteeId} name={g.granteeName} canEdit={g.canEdit} canSeePrivate={g.canSeePrivate} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </div>
      </Card>
      <Card title={t("receivedTitle")}>
        {received.length === 0 ? (
          <EmptyState title={t("noneReceived")} />
        ) : (
          <Table caption={t("receivedTitle")}>
            <thead>
              <tr>
                <Th>{t("owner")}</Th>
                <Th>{t("canEdit")}</Th>
                <Th>{t("canSeePrivate")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {received.map((g) => (
                <tr key={g.ownerId}>
                  <Td className="font-medium">{g.ownerName}</Td>
                  <Td>{yesNo(g.canEdit)}</Td>
                  <Td>{yesNo(g.canSeePrivate)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
