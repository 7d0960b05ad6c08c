import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/app/require-viewer";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { buttonClass } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { getDb } from "@/db";
import { bookableResources, resourceLocations } from "@/lib/resources/queries";
import { resourceFilterInput } from "@/lib/resources/schema";
import { RESOURCE_KINDS } from "@/lib/resources/types";

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
  return (
    <>
      <PageHeader title={w("resourcesTitle")} description={w("resourcesDescription")} />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label={t("list.filter")}>
        <div className="space-y-1">
          <label htmlFor="filter-kind" className="block text-xs font-medium text-slate-700">
            {t("list.kind")}
          </label>
          <select id="filter-kind" name="kind" defaultValue={filter.kind ?? ""} className={controlClass}>
            <option value="">{t("list.anyKind")}</option>
            {RESOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-location" className="block text-xs font-medium text-slate-700">
            {t("list.location")}
          </label>
          <select id="filter-location" name="location" defaultValue={filter.location ?? ""} className={controlClass}>
            <option value="">{t("list.anyLocation")}</option>
            {locations.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          {t("list.apply")}
        </button>
      </form>
      {list.length ? (
        <Table caption={w("resourcesTitle")}>
          <thead>
            <tr>
              <Th>{t("list.name")}</Th>
              <Th>{t("list.kind")}</Th>
              <Th>{t("list.location")}</Th>
              <Th>{t("list.capacity")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {list.map((r) => (
              <tr key={r.id}>
                <Td>
                  <Link
                    href={`/resources/${r.id}`}
                    className="font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
                  >
                    {r.name}
                  </Link>
                </Td>
                <Td>{t(`kind.${r.kind}`)}</Td>
                <Td>{r.location ?? "—"}</Td>
                <Td className="tabular-nums">{r.capacity ?? "—"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <EmptyState title={t("list.emptyTitle")}>{t("list.emptyBody")}</EmptyState>
      )}
    </>
  );
}
