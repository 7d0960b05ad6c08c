import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { Plus } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { FilterBar, FilterSelect, SearchBox } from "@/components/crm/filter-bar";
import { Pagination } from "@/components/crm/pagination";
import { buttonClass } from "@/components/ui/button";
import { ExportLinks, queryOf } from "@/components/ui/export-links";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { FilterPanel } from "@/components/ui/filter-panel";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { clientFilterOptions, listClients } from "@/lib/crm/queries";
import { clientListFilters } from "@/lib/crm/schema";
import { requireViewer } from "@/app/require-viewer";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("crm.clients");
  return { title: t("title") };
}

export default async function ClientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const filters = clientListFilters.parse(await searchParams);
  const db = await getDb();
  const [{ rows, total, pageSize }, options] = await Promise.all([listClients(db, viewer, filters), clientFilterOptions(db, viewer)]);
  const t = await getTranslations("crm");
  const tc = await getTranslations("common");
  const filtered = Boolean(filters.q || filters.city || filters.manager);
  const listParams = { q: filters.q, city: filters.city, manager: filters.manager };

  return (
    <>
      <PageHeader
        title={t("clients.title")}
        description={t("clients.description")}
        actions={
          <>
            {total ? <ExportLinks path="/api/export/clients" query={queryOf(listParams)} /> : null}
            <Link href="/clients/new" className={buttonClass("primary")}>
              <Plus aria-hidden className="h-4 w-4" />
              {t("clients.new")}
            </Link>
          </>
        }
      />
      <FilterPanel active={[filters.q, filters.city, filters.manager].filter(Boolean).length}>
        <FilterBar
          oneRow
          action="/clients"
          label={t("clients.search")}
          applyLabel={t("clients.apply")}
          clearHref={filtered ? "/clients" : undefined}
          search={<SearchBox id="clients-q" label={t("clients.search")} placeholder={t("clients.searchPlaceholder")} defaultValue={filters.q} />}
        >
          <FilterSelect
            id="clients-city"
            name="city"
            label={t("clients.city")}
            value={filters.city}
            any={t("clients.anyCity")}
            options={options.cities.map((c) => ({ value: c, label: c }))}
          />
          <FilterSelect
            id="clients-manager"
            name="manager"
            label={t("clients.accountManager")}
            value={filters.manager}
            any={t("clients.anyManager")}
            options={options.managers.map((m) => ({ value: m.id, label: m.name }))}
          />
        </FilterBar>
      </FilterPanel>
      <p className="mb-2 text-xs text-slate-500" role="status">
        {tc("results", { count: total })}
      </p>
      {rows.length === 0 ? (
        filtered ? (
          <EmptyState title={t("clients.noMatch")}>{t("clients.noMatchHint")}</EmptyState>
        ) : (
          <EmptyState title={t("clients.empty")}>{t("clients.emptyHint")}</EmptyState>
        )
      ) : (
        <Table caption={t("clients.caption")}>
          <thead>
            <tr>
              <Th>{t("clients.columns.name")}</Th>
              <Th>{t("clients.columns.city")}</Th>
              <Th>{t("clients.columns.taxId")}</Th>
              <Th>{t("clients.columns.accountManager")}</Th>
              <Th className="text-right">{t("clients.columns.openCases")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((c) => (
              <tr key={c.id} className="hover:bg-slate-50">
                <Td>
                  <Link href={`/clients/${c.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                    {c.name}
                  </Link>
                </Td>
                <Td className="text-slate-700">{c.city ?? ""}</Td>
                <Td className="font-mono text-xs text-slate-600 tabular-nums">{c.taxId ?? ""}</Td>
                <Td className="whitespace-nowrap text-slate-700">{c.accountManagerName ?? <span className="text-muted">{t("notSet")}</span>}</Td>
                <Td className="text-right tabular-nums">
                  {c.openCases > 0 ? (
                    <Link
                      href={`/cases?client=${c.id}`}
                      className="font-medium text-brand-700 hover:underline"
                      aria-label={t("client.openCount", { count: c.openCases })}
                    >
                      {c.openCases}
                    </Link>
                  ) : (
                    <span className="text-muted">0</span>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination path="/clients" params={listParams} page={filters.page} pageSize={pageSize} total={total} />
    </>
  );
}
