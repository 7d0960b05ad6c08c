"use client";

import { X } from "lucide-react";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { Button, buttonClass } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { SearchPicker, type PickerItem } from "@/components/ui/search-picker";
import type { TaskListParams } from "@/lib/tasks/list-params";
import { PRIORITIES_URGENT_FIRST } from "@/lib/org/vocabulary";

export interface FilterChoices {
  /** The chosen person and client only: the pickers search the rest on the server. */
  person: PickerItem | null;
  client: PickerItem | null;
  /** The chosen client's cases; empty until a client is chosen. */
  cases: { id: string; number: number; title: string }[];
}

/**
 * The task lists' filter bar, applied on change like every list's (FilterForm). Status and
 * sorting ride along so a filter never loses them.
 */
export function TaskFilters({
  path,
  params,
  choices,
  personRole,
  personScope,
  filtered,
  carry,
}: {
  path: string;
  params: TaskListParams;
  choices: FilterChoices;
  personRole: "delegator" | "assignee";
  /** Whom the person filter offers: anyone active, or the viewer's team. */
  personScope: "active" | "team";
  /** Whether any filter is applied (the server knows; the bar then offers to clear them). */
  filtered: boolean;
  /** Status and sorting, as hidden fields, so that filtering keeps them. */
  carry: [name: string, value: string][];
}) {
  const t = useTranslations("tasks.filters");
  const tp = useTranslations("common.priority");
  return (
    <FilterForm
      action={path}
      label={t("label")}
      className="mb-3 flex flex-wrap items-end gap-x-3 gap-y-2 rounded-lg border border-slate-200 bg-white px-3 py-2 shadow-sm"
    >
      {carry.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Filter id="f-person" label={t(personRole)} width="w-44">
        <SearchPicker id="f-person" name="person" source="people" params={{ scope: personScope }} defaultValue={choices.person} emptyLabel={t("anyone")} />
      </Filter>
      <Filter id="f-priority" label={t("priority")} width="w-28">
        <Select id="f-priority" name="priority" defaultValue={params.priority ?? ""}>
          <option value="">{t("anyPriority")}</option>
          {PRIORITIES_URGENT_FIRST.map((p) => (
            <option key={p} value={p}>
              {tp(p)}
            </option>
          ))}
        </Select>
      </Filter>
      <Filter id="f-due" label={t("due")} width="w-36">
        <Select id="f-due" name="due" defaultValue={params.due ?? ""}>
          <option value="">{t("anyDue")}</option>
          {(["overdue", "today", "week"] as const).map((d) => (
            <option key={d} value={d}>
              {t(`dueOptions.${d}`)}
            </option>
          ))}
        </Select>
      </Filter>
      <Filter id="f-client" label={t("client")} width="w-60">
        <SearchPicker
          id="f-client"
          name="client"
          source="clients"
          defaultValue={choices.client}
          emptyLabel={t("anyClient")}
          // A new client makes the chosen case meaningless (this runs before the form applies).
          onChange={() => document.querySelector<HTMLSelectElement>("#f-case")?.setAttribute("disabled", "")}
        />
      </Filter>
      {params.client ? (
        <Filter id="f-case" label={t("case")} width="w-60">
          <Select id="f-case" name="case" defaultValue={params.case ?? ""}>
            <option value="">{t("anyCase")}</option>
            {choices.cases.map((c) => (
              <option key={c.id} value={c.id}>
                #{c.number} {c.title}
              </option>
            ))}
          </Select>
        </Filter>
      ) : null}
      <noscript>
        <Button type="submit" size="md">
          {t("apply")}
        </Button>
      </noscript>
      {filtered ? (
        <Link href={path} className={buttonClass("ghost", "md", "text-slate-600")}>
          <X aria-hidden className="h-3.5 w-3.5" />
          {t("clear")}
        </Link>
      ) : null}
    </FilterForm>
  );
}

function Filter({ id, label, width, children }: { id: string; label: string; width: string; children: React.ReactNode }) {
  return (
    <div className={`space-y-0.5 ${width}`}>
      <label htmlFor={id} className="block text-[11px] font-medium tracking-wide text-slate-500 uppercase">
        {label}
      </label>
      {children}
    </div>
  );
}
