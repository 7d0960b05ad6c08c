"use client";

import { clsx } from "clsx";
import { Bookmark, MoreHorizontal } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Dialog } from "@/components/ui/dialog";
import { useAction } from "@/components/ui/use-action";
import type { TaskListView } from "@/lib/tasks/lists";
import { deleteTaskViewAction, renameTaskViewAction, saveTaskViewAction, shareTaskViewAction } from "@/lib/tasks/view-actions";
import type { SavedView } from "@/lib/tasks/views";

const CHIP = "inline-flex h-7 items-center rounded-full border px-2.5 text-xs focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none";

/**
 * The saved views of one list: the viewer's own (opened, renamed, shared, deleted here) and those
 * shared with their department (opened only). Opening a view is following its link.
 */
export function SavedViews({
  list,
  path,
  query,
  own,
  shared,
  departments,
}: {
  list: TaskListView;
  path: string;
  /** The list's current filters and sort, normalized as a view keeps them. */
  query: string;
  own: SavedView[];
  shared: SavedView[];
  departments: { id: string; name: string }[];
}) {
  const t = useTranslations("tasks.views");
  const [saving, setSaving] = useState(false);
  const [managing, setManaging] = useState<SavedView | null>(null);
  const chip = (view: SavedView, extra?: string) => {
    const current = view.query === query;
    return (
      <Link
        href={`${path}${view.query}`}
        aria-current={current ? "page" : undefined}
        className={clsx(CHIP, current ? "border-brand-500 bg-brand-50 text-brand-800" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50")}
      >
        {view.name}
        {extra ? <span className="ml-1 text-slate-700">{extra}</span> : null}
      </Link>
    );
  };
  return (
    <nav aria-label={t("title")} className="mb-3 flex flex-wrap items-center gap-2 text-sm">
      <span className="flex items-center gap-1 text-xs font-medium text-slate-600">
        <Bookmark aria-hidden className="h-3.5 w-3.5" />
        {t("title")}
      </span>
      {own.length || shared.length ? null : <span className="text-xs text-slate-500">{t("empty")}</span>}
      {own.length ? (
        <ul aria-label={t("own")} className="flex flex-wrap items-center gap-1.5">
          {own.map((view) => (
            <li key={view.id} className="flex items-center">
              {chip(view, view.sharedWith ? `· ${t("sharedWith", { department: view.sharedWith.name })}` : undefined)}
              <button
                type="button"
                aria-label={t("manage", { name: view.name })}
                onClick={() => setManaging(view)}
                className="ml-0.5 rounded p-1 text-slate-500 hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
              >
                <MoreHorizontal aria-hidden className="h-3.5 w-3.5" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {shared.length ? (
        <ul aria-label={t("shared")} className="flex flex-wrap items-center gap-1.5">
          {shared.map((view) => (
            <li key={view.id}>{chip(view, `· ${t("sharedBy", { name: view.owner.name })}`)}</li>
          ))}
        </ul>
      ) : null}
      <Button size="sm" onClick={() => setSaving(true)} title={t("saveTitle")}>
        {t("save")}
      </Button>
      {saving ? <SaveViewDialog list={list} query={query} onClose={() => setSaving(false)} /> : null}
      {managing ? <ManageViewDialog view={managing} departments={departments} onClose={() => setManaging(null)} /> : null}
    </nav>
  );
}

function SaveViewDialog({ list, query, onClose }: { list: TaskListView; query: string; onClose: () => void }) {
  const t = useTranslations("tasks.views");
  const router = useRouter();
  const [name, setName] = useState("");
  const save = useAction(saveTaskViewAction, () => {
    onClose();
    router.refresh();
  });
  return (
    <Dialog open onOpenChange={(open) => (open ? null : onClose())} title={t("saveTitle")} closeLabel={t("close")}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save.run({ list, name, query });
        }}
        className="space-y-3"
      >
        <Field id="view-name" label={t("name")} errors={save.errorsFor("name")}>
          <Input
            id="view-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={80}
            required
            aria-invalid={save.errorsFor("name") ? true : undefined}
            aria-describedby={describedBy("view-name", save.errorsFor("name"))}
          />
        </Field>
        <FormAlert error={save.fieldErrors?.name ? undefined : save.error} />
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>{t("cancel")}</Button>
          <Button type="submit" variant="primary" disabled={save.pending}>
            {t("submit")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function ManageViewDialog({ view, departments, onClose }: { view: SavedView; departments: { id: string; name: string }[]; onClose: () => void }) {
  const t = useTranslations("tasks.views");
  const router = useRouter();
  const [name, setName] = useState(view.name);
  const [department, setDepartment] = useState(view.sharedWith?.id ?? "");
  const done = () => {
    onClose();
    router.refresh();
  };
  const rename = useAction(renameTaskViewAction, done);
  const share = useAction(shareTaskViewAction, done);
  const remove = useAction(deleteTaskViewAction, done);
  const canShare = departments.length > 0 || view.sharedWith;
  return (
    <Dialog open onOpenChange={(open) => (open ? null : onClose())} title={t("manage", { name: view.name })} closeLabel={t("close")}>
      <div className="space-y-4">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void rename.run({ viewId: view.id, name });
          }}
          className="flex items-end gap-2"
        >
          <Field id="view-rename" label={t("name")} errors={rename.errorsFor("name")} className="flex-1">
            <Input
              id="view-rename"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={80}
              required
              aria-invalid={rename.errorsFor("name") ? true : undefined}
              aria-describedby={describedBy("view-rename", rename.errorsFor("name"))}
            />
          </Field>
          <Button type="submit" disabled={rename.pending}>
            {t("rename")}
          </Button>
        </form>
        <FormAlert error={rename.fieldErrors?.name ? undefined : rename.error} />
        {canShare ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void share.run({ viewId: view.id, departmentId: department });
            }}
            className="flex items-end gap-2"
          >
            <Field id="view-share" label={t("shareWith")} className="flex-1">
              <Select id="view-share" value={department} onChange={(e) => setDepartment(e.target.value)}>
                <option value="">{t("notShared")}</option>
                {view.sharedWith && !departments.some((d) => d.id === view.sharedWith!.id) ? (
                  <option value={view.sharedWith.id}>{view.sharedWith.name}</option>
                ) : null}
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Button type="submit" disabled={share.pending}>
              {t("share")}
            </Button>
          </form>
        ) : null}
        <FormAlert error={share.error} />
        <div className="flex justify-between border-t border-slate-200 pt-3">
          <Button
            variant="danger"
            disabled={remove.pending}
            onClick={() => {
              if (window.confirm(t("confirmDelete", { name: view.name }))) void remove.run({ viewId: view.id });
            }}
          >
            {t("delete")}
          </Button>
          <Button onClick={onClose}>{t("cancel")}</Button>
        </div>
        <FormAlert error={remove.error} />
      </div>
    </Dialog>
  );
}
