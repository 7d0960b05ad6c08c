"use client";

import { clsx } from "clsx";
import { Bookmark, MoreHorizontal } from "lucide-react";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import type { TaskListView } from "@/lib/tasks/lists";
import type { SavedView } from "@/lib/tasks/views";

const loadDialogs = () => import("./saved-view-dialogs");
const SavedViewDialog = lazy(loadDialogs);

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
                onPointerEnter={() => void loadDialogs()}
                onFocus={() => void loadDialogs()}
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
      <Button size="sm" onClick={() => setSaving(true)} onPointerEnter={() => void loadDialogs()} onFocus={() => void loadDialogs()} title={t("saveTitle")}>
        {t("save")}
      </Button>
      <Suspense fallback={null}>
        {saving ? <SavedViewDialog mode="save" list={list} query={query} onClose={() => setSaving(false)} /> : null}
        {managing ? <SavedViewDialog mode="manage" view={managing} departments={departments} onClose={() => setManaging(null)} /> : null}
      </Suspense>
    </nav>
  );
}
