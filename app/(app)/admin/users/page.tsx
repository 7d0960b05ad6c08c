import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { UserPlus } from "lucide-react";
import { UserFilterBar } from "@/components/admin/user-filters";
import { UsersTable } from "@/components/admin/users-table";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { FilterPanel } from "@/components/ui/filter-panel";
import { getDb } from "@/db";
import { listUsers, organisationTree, USER_LIST_LIMIT } from "@/lib/org/queries";
import { userFilters } from "@/lib/org/schema";
import { requireAdmin } from "@/app/require-viewer";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: t("title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The layout checks too, but a layout is not re-run on client navigation between its pages.
  const viewer = await requireAdmin();
  const filters = userFilters.parse(await searchParams);
  const db = await getDb();
  const [{ rows, truncated }, departments] = await Promise.all([listUsers(db, viewer, filters), organisationTree(db, viewer)]);
  const t = await getTranslations("admin.users");
  const tc = await getTranslations("common");
  const filtered = Boolean(filters.q || filters.departmentId || filters.role || filters.active);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/admin/users/new" className={buttonClass("primary")}>
            <UserPlus aria-hidden className="h-4 w-4" /> {t("new")}
          </Link>
        }
      />
      <FilterPanel active={[filters.q, filters.departmentId, filters.role, filters.active].filter(Boolean).length}>
        <UserFilterBar filters={filters} departments={departments} />
      </FilterPanel>
      <p className="mb-2 text-xs text-slate-500" role="status">
        {truncated ? t("truncated", { limit: USER_LIST_LIMIT }) : tc("results", { count: rows.length })}
      </p>
      {rows.length ? (
        <UsersTable rows={rows} />
      ) : filtered ? (
        <EmptyState title={t("noMatchTitle")}>
          <Link href="/admin/users" className="text-brand-700 hover:underline">
            {tc("clearFilters")}
          </Link>
        </EmptyState>
      ) : (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      )}
    </>
  );
}
