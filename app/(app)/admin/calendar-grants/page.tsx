import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/app/require-viewer";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { allGrants } from "@/lib/calendar/grants";
import { getInstantFormat } from "@/lib/i18n/viewer-format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.calendarGrants"))("title") };
}

/** Who may act in whose calendar, across the organisation (owners give and take back grants themselves). */
export default async function CalendarGrantsPage() {
  const viewer = await requireAdmin();
  const grants = await allGrants(await getDb(), viewer);
  const t = await getTranslations("admin.calendarGrants");
  const formatInstant = await getInstantFormat();
  const yesNo = (v: boolean) => (v ? t("yes") : t("no"));
  return (
    <div className="grid gap-4">
      <PageHeader title={t("title")} description={t("description")} />
      {grants.length === 0 ? (
        <EmptyState title={t("none")} />
      ) : (
        <Table caption={t("title")}>
          <thead>
            <tr>
              <Th>{t("owner")}</Th>
              <Th>{t("grantee")}</Th>
              <Th>{t("canEdit")}</Th>
              <Th>{t("canSeePrivate")}</Th>
              <Th>{t("since")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {grants.map((g) => (
              <tr key={`${g.ownerId}:${g.granteeId}`}>
                <Td className="font-medium">
                  <Link href={`/admin/users/${g.ownerId}`} className="hover:text-brand-700 hover:underline">
                    {g.ownerName}
                  </Link>
                </Td>
                <Td>
                  <Link href={`/admin/users/${g.granteeId}`} className="hover:text-brand-700 hover:underline">
                    {g.granteeName}
                  </Link>
                </Td>
                <Td>{yesNo(g.canEdit)}</Td>
                <Td>{yesNo(g.canSeePrivate)}</Td>
                <Td className="tabular-nums">{formatInstant(g.since)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
