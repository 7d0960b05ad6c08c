import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Search } from "lucide-react";
import { Button, buttonClass } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import type { DepartmentSummary } from "@/lib/org/queries";
import { ROLES, type UserFilters } from "@/lib/org/schema";

/** Search and filters of the user list: a plain GET form, so every filtered view has its own URL; applied on change like every list's. */
export async function UserFilterBar({ filters, departments }: { filters: UserFilters; departments: DepartmentSummary[] }) {
  const t = await getTranslations("admin.users");
  const tc = await getTranslations("common");
  const filtered = Boolean(filters.q || filters.departmentId || filters.role || filters.active);
  return (
    <FilterForm role="search" label={t("filtersLabel")} className="mb-3 flex flex-wrap items-end gap-2" action="/admin/users">
      <div className="relative min-w-56 flex-1 sm:max-w-xs">
        <label htmlFor="filter-q" className="sr-only">
          {t("searchLabel")}
        </label>
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 h-4 w-4 -translate-y-1/2 text-muted" />
        <Input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder={t("searchPlaceholder")} className="pl-8" />
      </div>
      <FilterSelect id="filter-department" name="departmentId" label={t("department")} value={filters.departmentId} allLabel={t("allDepartments")}>
        {departments.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect id="filter-role" name="role" label={t("role")} value={filters.role} allLabel={t("allRoles")}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {tc(`role.${r}`)}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect id="filter-active" name="active" label={t("status")} value={filters.active} allLabel={t("allStatuses")}>
        <option value="active">{t("active")}</option>
        <option value="inactive">{t("inactive")}</option>
      </FilterSelect>
      <noscript>
        <Button type="submit">{tc("filter")}</Button>
      </noscript>
      {filtered ? (
        <Link href="/admin/users" className={buttonClass("ghost")}>
          {tc("clearFilters")}
        </Link>
      ) : null}
    </FilterForm>
  );
}

function FilterSelect({
  id,
  name,
  label,
  value,
  allLabel,
  children,
}: {
  id: string;
  name: string;
  label: string;
  value?: string;
  allLabel: string;
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <Select id={id} name={name} defaultValue={value ?? ""} className="w-auto min-w-36">
        <option value="">{allLabel}</option>
        {children}
      </Select>
    </div>
  );
}
