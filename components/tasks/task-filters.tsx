"use client";

import { X } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition, type FormEvent } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { isDefault, type TaskListParams } from "@/lib/tasks/list-params";
import { PRIORITIES_URGENT_FIRST } from "@/lib/org/vocabulary";

export interface FilterChoices {
  people: { id: string; name: string }[];
  clients: { id: string; name: string }[];
  /** The chosen client's cases; empty until a client is chosen. */
  cases: { id: string; number: number; title: string }[];
}

/**
 * The filter bar. It is a plain GET form (works without JavaScript); with JavaScript a change
 * applies at once. Status and sorting ride along so a filter never loses them.
 */
export function TaskFilters({
  path,
  params,
  choices,
  personRole,
}: {
  path: string;
  params: TaskListParams;
  choices: FilterChoices;
  personRole: "delegator" | "assignee";
}) {
  const t = useTranslations("tasks.filters");
  const tp = useTranslations("common.priority");
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function apply(form: HTMLFormElement) {
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (typeof value === "string" && value) query.set(key, value);
    const qs = query.toString();
    startTransition(() => router.push(qs ? `${path}?${qs}` : path));
  }
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    apply(e.currentTarget);
  };
  const filtered = (["person", "priority", "due", "client", "case"] as const).some((k) => !isDefault(params, k));

  return (
    <form
      method="get"
      action={path}
      onSubmit={onSubmit}
      onChange={(e) => {
        const form = e.currentTarget;
        // A new client makes the chosen case meaningless.
        if ((e.target as HTMLElement).getAttribute("name") === "client")
          (form.elements.namedItem("case") as HTMLSelectElement | null)?.setAttribute("disabled", "");
        apply(form);
      }}
      aria-label={t("label")}
      aria-busy={pending}
      className="mb-3 flex flex-wrap items-end gap-x-3 gap-y-2 rounded-lg border border-slate-200 bg-white px-3 py-2 shadow-sm"
    >
      {!isDefault(params, "status") ? <input type="hidden" name="status" value={params.status} /> : null}
      {!isDefault(params, "sort") ? <input type="hidden" name="sort" value={params.sort} /> : null}
      <input type="hidden" name="dir" value={params.dir} />
      <Filter id="f-person" label={t(personRole)} width="w-44">
        <Select id="f-person" name="person" defaultValue={params.person ?? ""}>
          <option value="">{t("anyone")}</option>
          {choices.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
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
        <Select id="f-client" name="client" defaultValue={params.client ?? ""}>
          <option value="">{t("anyClient")}</option>
          {choices.clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
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
    </form>
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
