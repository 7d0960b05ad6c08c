"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { FormAlert, SavedNote } from "@/components/ui/form-alert";
import { SearchPicker, type PickerItem } from "@/components/ui/search-picker";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/action/result";
import { bulkCancelAction, bulkDueAction, bulkPriorityAction, bulkReassignAction } from "@/lib/tasks/bulk-actions";
import { PRIORITIES, type Priority } from "@/lib/org/vocabulary";

interface Selection {
  ids: readonly string[];
  selected: ReadonlySet<string>;
  toggle(id: string, on: boolean): void;
  setAll(on: boolean): void;
}

const SelectionContext = createContext<Selection | null>(null);

function useSelection(): Selection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error("bulk selection used outside <BulkSelection>");
  return selection;
}

/** The boxes' look (app/globals.css): a short class, as each of a page's fifty rows carries it. */
const BOX = "tl-box";

/**
 * The tasks of a list's page that can be selected for a bulk action: the table's checkboxes and
 * the toolbar above it share this.
 */
export function BulkSelection({ ids, children }: { ids: string[]; children: ReactNode }) {
  const [chosen, setSelected] = useState<ReadonlySet<string>>(new Set());
  const key = ids.join(",");
  const value = useMemo<Selection>(
    () => ({
      ids,
      // Only what is on the page now: after a refresh, a task that left the list is no longer selected.
      selected: new Set(ids.filter((id) => chosen.has(id))),
      toggle: (id, on) =>
        setSelected((current) => {
          const next = new Set(current);
          if (on) next.add(id);
          else next.delete(id);
          return next;
        }),
      setAll: (on) => setSelected(on ? new Set(ids) : new Set()),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the ids change only with `key`
    [key, chosen],
  );
  return (
    <SelectionContext.Provider value={value}>
      <BulkToolbar />
      {children}
    </SelectionContext.Provider>
  );
}

/** The header's box: every task of the page, or none. */
export function SelectAllBox() {
  const t = useTranslations("tasks.bulk");
  const { ids, selected, setAll } = useSelection();
  const ref = useRef<HTMLInputElement>(null);
  const all = ids.length > 0 && ids.every((id) => selected.has(id));
  const some = !all && ids.some((id) => selected.has(id));
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some;
  }, [some]);
  return <input ref={ref} type="checkbox" className={BOX} aria-label={t("selectAll")} checked={all} onChange={(e) => setAll(e.target.checked)} />;
}

/** A row's box; the list formats its label ("Select task #N") once for all its rows (lib/i18n/slotted.ts). */
export function RowBox({ id, label }: { id: string; label: string }) {
  const { selected, toggle } = useSelection();
  return <input type="checkbox" className={BOX} aria-label={label} checked={selected.has(id)} onChange={(e) => toggle(id, e.target.checked)} />;
}

type BulkKind = "reassign" | "priority" | "due" | "cancel";
const KINDS: BulkKind[] = ["reassign", "priority", "due", "cancel"];

type AnyBulk = (input: Record<string, unknown>) => Promise<ActionResult<{ changed: number }>>;
const ACTIONS: Record<BulkKind, AnyBulk> = {
  reassign: bulkReassignAction as AnyBulk,
  priority: bulkPriorityAction as AnyBulk,
  due: bulkDueAction as AnyBulk,
  cancel: bulkCancelAction as AnyBulk,
};

async function runBulk(input: { kind: BulkKind; values: Record<string, unknown> }) {
  return ACTIONS[input.kind](input.values);
}

/** Says how many tasks are selected and applies one action to them all (or, refused, to none). */
function BulkToolbar() {
  const t = useTranslations("tasks.bulk");
  const tp = useTranslations("common.priority");
  const router = useRouter();
  const { selected, setAll } = useSelection();
  const [kind, setKind] = useState<BulkKind | "">("");
  const [assignee, setAssignee] = useState<PickerItem | null>(null);
  const [priority, setPriority] = useState<Priority>("high");
  const [due, setDue] = useState("");
  const [comment, setComment] = useState("");
  const [done, setDone] = useState<number | null>(null);
  const action = useAction(runBulk, (data) => {
    setDone(data.changed);
    setAll(false);
    setKind("");
    setComment("");
    router.refresh();
  });
  const count = selected.size;

  function apply() {
    if (!kind) return;
    if (kind === "cancel" && !window.confirm(t("confirmCancel", { count }))) return;
    const taskIds = [...selected];
    const values: Record<string, unknown> =
      kind === "reassign"
        ? { taskIds, assigneeId: assignee?.id ?? "", comment }
        : kind === "priority"
          ? { taskIds, priority }
          : kind === "due"
            ? { taskIds, dueAt: due }
            : { taskIds, comment };
    setDone(null);
    void action.run({ kind, values });
  }

  if (!count) {
    return done !== null ? (
      <div className="mb-2">
        <SavedNote show>{t("done", { count: done })}</SavedNote>
      </div>
    ) : null;
  }
  return (
    <section aria-label={t("toolbar")} className="mb-2 rounded-md border border-brand-200 bg-brand-50/60 px-3 py-2">
      <div className="flex flex-wrap items-end gap-3">
        <p role="status" className="self-center text-sm font-medium text-slate-900">
          {t("selected", { count })}
        </p>
        <Field id="bulk-kind" label={t("action")}>
          <Select id="bulk-kind" value={kind} onChange={(e) => setKind(e.target.value as BulkKind | "")} className="w-48">
            <option value="">{t("choose")}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(k)}
              </option>
            ))}
          </Select>
        </Field>
        {kind === "reassign" ? (
          <Field id="bulk-assignee" label={t("assignee")} errors={action.errorsFor("assigneeId")} className="w-64">
            <SearchPicker
              id="bulk-assignee"
              source="people"
              params={{ scope: "active" }}
              value={assignee}
              onChange={setAssignee}
              aria-invalid={action.errorsFor("assigneeId") ? true : undefined}
              aria-describedby={describedBy("bulk-assignee", action.errorsFor("assigneeId"))}
            />
          </Field>
        ) : null}
        {kind === "priority" ? (
          <Field id="bulk-priority" label={t("priorityLabel")}>
            <Select id="bulk-priority" value={priority} onChange={(e) => setPriority(e.target.value as Priority)} className="w-36">
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {tp(p)}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        {kind === "due" ? (
          <Field id="bulk-due" label={t("dueLabel")} hint={t("dueHint")} errors={action.errorsFor("dueAt")}>
            <Input
              id="bulk-due"
              type="datetime-local"
              value={due}
              onChange={(e) => setDue(e.target.value)}
              className="w-56"
              aria-invalid={action.errorsFor("dueAt") ? true : undefined}
              aria-describedby={describedBy("bulk-due", action.errorsFor("dueAt"), true)}
            />
          </Field>
        ) : null}
        {kind === "reassign" || kind === "cancel" ? (
          <Field id="bulk-comment" label={t("comment")} errors={action.errorsFor("comment")} className="w-64">
            <Input id="bulk-comment" value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} />
          </Field>
        ) : null}
        <Button variant="primary" disabled={!kind || action.pending || (kind === "reassign" && !assignee)} onClick={apply}>
          {action.pending ? t("working") : t("apply", { count })}
        </Button>
        <Button variant="ghost" onClick={() => setAll(false)}>
          {t("clear")}
        </Button>
      </div>
      <FormAlert error={action.error} className="mt-2" />
    </section>
  );
}
