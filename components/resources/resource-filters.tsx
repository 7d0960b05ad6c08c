import { useTranslations } from "next-intl";
import { FilterBar, FilterSelect } from "@/components/crm/filter-bar";
import { FilterPanel } from "@/components/ui/filter-panel";
import type { ResourceFilter } from "@/lib/resources/schema";
import { RESOURCE_KINDS } from "@/lib/resources/types";

/**
 * The kind and the place, as every list's filters (FilterPanel, FilterBar): the list and the
 * timeline share them. `keep` carries what else the page's address holds (the timeline's day).
 */
export function ResourceFilters({
  action,
  filter,
  locations,
  keep = {},
}: {
  action: string;
  filter: ResourceFilter;
  locations: string[];
  keep?: Record<string, string>;
}) {
  const t = useTranslations("resources");
  const filtered = Boolean(filter.kind || filter.location);
  const kept = new URLSearchParams(keep).toString();
  return (
    <FilterPanel active={[filter.kind, filter.location].filter(Boolean).length}>
      <FilterBar
        action={action}
        label={t("list.filter")}
        applyLabel={t("list.apply")}
        clearHref={filtered ? (kept ? `${action}?${kept}` : action) : undefined}
        search={null}
        oneRow
      >
        <FilterSelect
          id="filter-kind"
          name="kind"
          label={t("list.kind")}
          value={filter.kind ?? ""}
          any={t("list.anyKind")}
          options={RESOURCE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <FilterSelect
          id="filter-location"
          name="location"
          label={t("list.location")}
          value={filter.location ?? ""}
          any={t("list.anyLocation")}
          options={locations.map((l) => ({ value: l, label: l }))}
        />
        {Object.entries(keep).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
      </FilterBar>
    </FilterPanel>
  );
}
