import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { Plus } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { CaseTable } from "@/components/crm/case-table";
import { FilterBar, FilterPicker, FilterSelect, SearchBox } from "@/components/crm/filter-bar";
import { Pagination } from "@/components/crm/pagination";
import { buttonClass } from "@/components/ui/button";
import { ExportLinks, queryOf } from "@/components/ui/export-links";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { FilterPanel } from "@/components/ui/filter-panel";
import { getDb } from "@/db";
import { CASE_KINDS, CASE_STATUSES, PRIORITIES } from "@/lib/crm/case-states";
import { listCases } from "@/lib/crm/queries";
import { chosenClient } from "@/lib/pickers/clients";
import { chosenPerson } from "@/lib/pickers/people";
import { caseListFilters } from "@/lib/crm/schema";
import { now } from "@/lib/time/clock";
import { requireViewer } from "@/app/require-viewer";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("crm.cases");
  return { title: t("title") };
}

export default async function CasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const filters = caseListFilters.parse(await searchParams);
  const db = await getDb();
  // The owner and client filters get only what is chosen; their pickers search the rest.
  const [{ rows, total, overdueTotal, pageSize }, owner, client] = await Promise.all([
    listCases(db, viewer, filters, now()),
    filters.owner && filters.owner !== "mine" ? chosenPerson(db, viewer, "active", filters.owner, true) : Promise.resolve(null),
    chosenClient(db, viewer, filters.client),
  ]);
  const t = await getTranslations("crm");
  const tc = await getTranslations("common");
  const filtered = Boolean(filters.q || filters.kind || filters.status !== "open" || filters.priority || filters.owner || filters.client);
  const listParams = {
    q: filters.q,
    status: filters.status === "open" ? undefined : filters.status,
    kind: filters.kind,
    priority: filters.priority,
    owner: filters.owner,
    client: filters.client,
  };

  return (
    <>
      <PageHeader
        title={t("cases.title")}
        description={t("cases.description")}
        actions={
          <>
            {total ? <ExportLinks path="/api/export/cases" query={queryOf(listParams)} /> : null}
            <Link href={filters.client ? `/cases/new?clientId=${filters.client}` : "/cases/new"} className={buttonClass("primary")}>
              <Plus aria-hidden className="h-4 w-4" />
              {t("cases.new")}
            </Link>
          </>
        }
      />
      <FilterPanel active={[filters.q, filters.kind, filters.status !== "open", filters.priority, filters.owner, filters.client].filter(Boolean).length}>
        <FilterBar
          action="/cases"
          label={t("cases.search")}
          applyLabel={t("cases.apply")}
          clearHref={filtered ? "/cases" : undefined}
          search={<SearchBox id="cases-q" label={t("cases.search")} placeholder={t("cases.searchPlaceholder")} defaultValue={filters.q} />}
        >
          <FilterSelect
            id="cases-status"
            name="status"
            label={t("cases.status")}
            value={filters.status}
            options={[
              { value: "open", label: t("cases.openOnly") },
              { value: "all", label: t("cases.anyStatus") },
              ...CASE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
            ]}
          />
          <FilterSelect
            id="cases-kind"
            name="kind"
            label={t("cases.kind")}
            value={filters.kind ?? ""}
            any={t("cases.anyKind")}
            options={CASE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          />
          <FilterSelect
            id="cases-priority"
            name="priority"
            label={t("cases.priority")}
            value={filters.priority ?? ""}
            any={t("cases.anyPriority")}
            options={PRIORITIES.map((p) => ({ value: p, label: tc(`priority.${p}`) }))}
          />
          <FilterPicker
            id="cases-owner"
            name="owner"
            label={t("cases.owner")}
            source="people"
            value={filters.owner === "mine" ? { id: "mine", label: t("cases.mine") } : owner}
            any={t("cases.anyOwner")}
          />
          <FilterPicker id="cases-client" name="client" label={t("cases.client")} source="clients" value={client} any={t("cases.anyClient")} />
        </FilterBar>
      </FilterPanel>
      <p className="mb-2 flex gap-2 text-xs text-slate-500" role="status">
        <span>{tc("results", { count: total })}</span>
        {overdueTotal > 0 ? <span className="font-medium text-red-700">{t("cases.overdueCount", { count: overdueTotal })}</span> : null}
      </p>
      {rows.length ? <CaseTable rows={rows} /> : <EmptyState title={t("cases.empty")}>{t("cases.emptyHint")}</EmptyState>}
      <Pagination path="/cases" params={listParams} page={filters.page} pageSize={pageSize} total={total} />
    </>
  );
}
