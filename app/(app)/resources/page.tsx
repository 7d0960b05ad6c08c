import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { ChartGantt } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/app/require-viewer";
import { ResourceFilters } from "@/components/resources/resource-filters";
import { ResourceTable } from "@/components/resources/resource-table";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { bookableResources, resourceLocations } from "@/lib/resources/queries";
import { resourceFilterInput } from "@/lib/resources/schema";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("work");
  return { title: t("resourcesTitle") };
}

type Search = Record<string, string | string[] | undefined>;

/** /resources?kind=room&location=…: every bookable resource, filtered by kind and place. */
export default async function Page({ searchParams }: { searchParams: Promise<Search> }) {
  await requireViewer();
  const filter = resourceFilterInput.parse(await searchParams);
  const db = await getDb();
  const [list, locations] = await Promise.all([bookableResources(db, filter), resourceLocations(db)]);
  const t = await getTranslations("resources");
  const w = await getTranslations("work");
  const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === "string" && !!e[1])).toString();
  return (
    <>
      <PageHeader
        title={w("resourcesTitle")}
        description={w("resourcesDescription")}
        actions={
          <Link href={query ? `/resources/timeline?${query}` : "/resources/timeline"} className={buttonClass("secondary")}>
            <ChartGantt aria-hidden className="h-4 w-4" />
            {t("timeline.title")}
          </Link>
        }
      />
      <ResourceFilters action="/resources" filter={filter} locations={locations} />
      {list.length ? (
        <ResourceTable
          caption={w("resourcesTitle")}
          resources={list}
          columns={[{ key: "capacity", header: t("list.capacity"), cell: (r) => r.capacity ?? "—", numeric: true }]}
        />
      ) : (
        <EmptyState title={t("list.emptyTitle")}>{t("list.emptyBody")}</EmptyState>
      )}
    </>
  );
}
