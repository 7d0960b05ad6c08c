import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/app/require-viewer";
import { CreateFeedForm } from "@/components/feeds/create-feed-form";
import { FeedTable } from "@/components/feeds/feed-table";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { feedsOf } from "@/lib/feeds/queries";
import { organisationTree } from "@/lib/org/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("feeds"))("title") };
}

/** My iCal feeds: make one (my calendar, a colleague's, a team's, a department's, a resource's), subscribe, rename, renew, revoke. */
export default async function CalendarFeedsPage() {
  const viewer = await requireViewer();
  const db = await getDb();
  const [feeds, tree] = await Promise.all([feedsOf(db, viewer), organisationTree(db, viewer)]);
  const t = await getTranslations("feeds");
  const departments = tree.map((d) => ({ id: d.id, name: d.name }));
  const teams = tree.flatMap((d) => d.teams.map((team) => ({ id: team.id, name: `${team.name} (${d.name})` })));
  return (
    <div className="grid gap-4">
      <PageHeader title={t("title")} description={t("description")} />
      <Card title={t("createTitle")}>
        <CreateFeedForm teams={teams} departments={departments} />
      </Card>
      <Card title={t("listTitle")}>
        {feeds.length === 0 ? <EmptyState title={t("none")} /> : <FeedTable feeds={feeds} mode="own" caption={t("listTitle")} />}
      </Card>
    </div>
  );
}
