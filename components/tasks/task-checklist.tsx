"use client";

import { ArrowDown, ArrowUp, Pencil, Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxField, describedBy, FieldMessages, Input } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/action/result";
import type { ChecklistItem, ChecklistState } from "@/lib/tasks/checklist";
import {
  addChecklistItemAction,
  followChecklistAction,
  moveChecklistItemAction,
  removeChecklistItemAction,
  renameChecklistItemAction,
  tickChecklistItemAction,
} from "@/lib/tasks/checklist-actions";
import { MAX_CHECKLIST_ITEMS, MAX_CHECKLIST_TEXT } from "@/lib/tasks/checklist-limits";
import { useAnnounce } from "./task-action-status";

/**
 * The task's checklist: tick, add, rename, move up or down (buttons, so the keyboard has the
 * same way as the mouse) and remove. Every change shows at once and is rolled back with the
 * error when the server refuses it; the server's answer replaces the optimistic list.
 */
export function TaskChecklist({ initial, canEdit, closed }: { initial: ChecklistState; canEdit: boolean; closed: boolean }) {
  const t = useTranslations("tasks.checklist");
  const announce = useAnnounce();
  const [state, setState] = useState(initial);
  // A refresh of the page (another action, revalidation) brings the server's list.
  const [seen, setSeen] = useState(initial);
  if (seen !== initial) {
    setSeen(initial);
    setState(initial);
  }
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [draft, setDraft] = useState("");
  const [draftErrors, setDraftErrors] = useState<string[]>();
  const [editing, setEditing] = useState<string | null>(null);
  // Where the focus goes once the list shows a change (a moved item's button, the add field).
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    // Buttons are disabled while a change is on its way: the focus lands once they are back.
    if (!focusNext.current || pending) return;
    const target = document.getElementById(focusNext.current);
    focusNext.current = null;
    if (target instanceof HTMLButtonElement && target.disabled) {
      // The item reached an end: its other move button takes the focus.
      document.getElementById(target.id.endsWith("-up") ? target.id.replace(/-up$/, "-down") : target.id.replace(/-down$/, "-up"))?.focus();
    } else target?.focus();
  }, [state, editing, pending]);

  async function change<In>(
    action: (input: In) => Promise<ActionResult<ChecklistState>>,
    input: In,
    optimistic: (items: ChecklistItem[]) => ChecklistItem[],
    follows = state.follows,
  ) {
    const before = state;
    setError(undefined);
    setState({ ...state, items: optimistic(state.items), follows });
    setPending(true);
    const r = await action(input);
    setPending(false);
    if (r.ok) setState(r.data);
    else {
      setState(before);
      setError(r.error);
    }
    return r;
  }

  const taskId = state.taskId;
  const items = state.items;
  const done = items.filter((i) => i.done).length;
  const editable = canEdit && !closed;

  const move = (item: ChecklistItem, by: -1 | 1) => {
    const from = items.indexOf(item);
    const to = from + by;
    focusNext.current = `checklist-${item.id}-${by < 0 ? "up" : "down"}`;
    void change(moveChecklistItemAction, { taskId, itemId: item.id, position: to }, (list) => {
      const next = list.filter((i) => i.id !== item.id);
      next.splice(to, 0, item);
      return next;
    }).then((r) => {
      if (r.ok) announce(t("moved", { text: item.text, position: to + 1, total: items.length }));
    });
  };

  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm font-medium text-slate-700 tabular-nums" data-testid="checklist-count">
          {t("count", { done, total: items.length })}
        </p>
        {state.follows ? <span className="text-xs text-slate-600">{t("follow")}</span> : null}
      </div>
      <FormAlert error={error} />
      {items.length ? (
        <ol className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {items.map((item, index) => (
            <li key={item.id} className="flex items-center gap-2 px-2.5 py-1.5">
              {editing === item.id ? (
                <RenameForm
                  item={item}
                  onCancel={() => {
                    focusNext.current = `checklist-${item.id}-edit`;
                    setEditing(null);
                  }}
                  onSave={async (text) => {
                    focusNext.current = `checklist-${item.id}-edit`;
                    const r = await change(renameChecklistItemAction, { taskId, itemId: item.id, text }, (list) =>
                      list.map((i) => (i.id === item.id ? { ...i, text } : i)),
                    );
                    if (r.ok) setEditing(null);
                    return r.ok ? undefined : (r.fieldErrors?.text ?? [r.error]);
                  }}
                />
              ) : (
                <>
                  <input
                    id={`checklist-${item.id}`}
                    type="checkbox"
                    checked={item.done}
                    // A new item waits for its id from the server before it can be ticked.
                    disabled={!editable || item.id.startsWith("new-")}
                    onChange={(e) => {
                      const checked = e.target.checked;
                      void change(tickChecklistItemAction, { taskId, itemId: item.id, done: checked }, (list) =>
                        list.map((i) => (i.id === item.id ? { ...i, done: checked } : i)),
                      );
                    }}
                    className="h-4 w-4 shrink-0 rounded border-slate-300 text-brand-600 focus-visible:ring-2 focus-visible:ring-brand-200"
                  />
                  <label htmlFor={`checklist-${item.id}`} className="min-w-0 flex-1 text-sm break-words text-slate-800">
                    <span className={item.done ? "text-slate-500 line-through" : undefined}>{item.text}</span>
                    {item.done && item.doneBy ? <span className="block text-xs text-slate-500">{t("doneBy", { name: item.doneBy })}</span> : null}
                  </label>
                  {editable ? (
                    <span className="flex shrink-0 items-center">
                      <IconButton
                        id={`checklist-${item.id}-up`}
                        label={t("moveUp", { text: item.text })}
                        disabled={pending || index === 0}
                        onClick={() => move(item, -1)}
                      >
                        <ArrowUp aria-hidden className="h-3.5 w-3.5" />
                      </IconButton>
                      <IconButton
                        id={`checklist-${item.id}-down`}
                        label={t("moveDown", { text: item.text })}
                        disabled={pending || index === items.length - 1}
                        onClick={() => move(item, 1)}
                      >
                        <ArrowDown aria-hidden className="h-3.5 w-3.5" />
                      </IconButton>
                      <IconButton
                        id={`checklist-${item.id}-edit`}
                        label={t("edit", { text: item.text })}
                        disabled={pending}
                        onClick={() => setEditing(item.id)}
                      >
                        <Pencil aria-hidden className="h-3.5 w-3.5" />
                      </IconButton>
                      <IconButton
                        id={`checklist-${item.id}-remove`}
                        label={t("remove", { text: item.text })}
                        disabled={pending}
                        onClick={() => {
                          focusNext.current = "checklist-new";
                          void change(removeChecklistItemAction, { taskId, itemId: item.id }, (list) => list.filter((i) => i.id !== item.id));
                        }}
                      >
                        <Trash2 aria-hidden className="h-3.5 w-3.5" />
                      </IconButton>
                    </span>
                  ) : null}
                </>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      )}
      {closed ? <p className="text-xs text-slate-600">{t("closed")}</p> : null}
      {editable ? (
        <>
          <form
            className="space-y-1"
            onSubmit={(e) => {
              e.preventDefault();
              const text = draft.trim();
              setDraftErrors(undefined);
              focusNext.current = "checklist-new";
              const temporary: ChecklistItem = { id: `new-${items.length}`, text, done: false, doneBy: null, doneAt: null };
              void change(addChecklistItemAction, { taskId, text: draft }, (list) => [...list, temporary]).then((r) => {
                if (r.ok) setDraft("");
                else if (r.fieldErrors?.text) {
                  setError(undefined);
                  setDraftErrors(r.fieldErrors.text);
                }
              });
            }}
          >
            <label htmlFor="checklist-new" className="block text-xs font-medium text-slate-700">
              {t("newItem")}
            </label>
            <div className="flex items-center gap-2">
              <Input
                id="checklist-new"
                value={draft}
                maxLength={MAX_CHECKLIST_TEXT}
                onChange={(e) => setDraft(e.target.value)}
                aria-invalid={draftErrors ? true : undefined}
                aria-describedby={describedBy("checklist-new", draftErrors, true)}
              />
              <Button type="submit" size="sm" disabled={pending || items.length >= MAX_CHECKLIST_ITEMS}>
                <Plus aria-hidden className="h-3.5 w-3.5" />
                {t("add")}
              </Button>
            </div>
            <FieldMessages id="checklist-new" hint={t("limits", { max: MAX_CHECKLIST_ITEMS, length: MAX_CHECKLIST_TEXT })} errors={draftErrors} />
          </form>
          <CheckboxField
            id="checklist-follow"
            label={t("follow")}
            hint={t("followHint")}
            checked={state.follows}
            onChange={(follow) => void change(followChecklistAction, { taskId, follow }, (list) => list, follow)}
          />
        </>
      ) : null}
    </div>
  );
}

function IconButton({
  id,
  label,
  disabled,
  onClick,
  children,
}: {
  id: string;
  label: string;
  disabled: boolean;
  onClick: () => void;
  children: React.ReactNode;
}) {
  return (
    <button
      id={id}
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className="rounded p-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:ring-2 focus-visible:ring-brand-200 focus-visible:outline-none disabled:opacity-40"
    >
      {children}
    </button>
  );
}

/** The item's text in place, saved with Enter and left with Escape. */
function RenameForm({ item, onSave, onCancel }: { item: ChecklistItem; onSave: (text: string) => Promise<string[] | undefined>; onCancel: () => void }) {
  const t = useTranslations("tasks.checklist");
  const [text, setText] = useState(item.text);
  const [errors, setErrors] = useState<string[]>();
  const id = `checklist-${item.id}-text`;
  return (
    <form
      className="flex min-w-0 flex-1 flex-wrap items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave(text).then(setErrors);
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") onCancel();
      }}
    >
      <label htmlFor={id} className="sr-only">
        {t("itemText")}
      </label>
      <Input
        id={id}
        autoFocus
        value={text}
        maxLength={MAX_CHECKLIST_TEXT}
        onChange={(e) => setText(e.target.value)}
        className="min-w-0 flex-1"
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy(id, errors)}
      />
      <Button type="submit" size="sm" variant="primary">
        {t("save")}
      </Button>
      <Button size="sm" variant="ghost" onClick={onCancel}>
        {t("cancel")}
      </Button>
      <FieldMessages id={id} errors={errors} className="w-full" />
    </form>
  );
}
