import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/app/require-viewer";
import { FeedTable } from "@/components/feeds/feed-table";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { allFeeds } from "@/lib/feeds/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("feeds"))("adminTitle") };
}

/** Every live feed in the organisation; an admin may revoke any (only its owner can make a new address). */
export default async function AdminFeedsPage() {
  const viewer = await requireAdmin();
  const feeds = await allFeeds(await getDb(), viewer);
  const t = await getTranslations("feeds");
  return (
    <div className="grid gap-4">
      <PageHeader title={t("adminTitle")} description={t("adminDescription")} />
      <Card>{feeds.length === 0 ? <EmptyState title={t("adminNone")} /> : <FeedTable feeds={feeds} mode="admin" caption={t("adminTitle")} />}</Card>
    </div>
  );
}
