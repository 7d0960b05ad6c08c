import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { Db } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import { getInstantFormat } from "@/lib/i18n/viewer-format";
import { taskBoard } from "@/lib/tasks/board-list";
import { listQuery, type TaskListParams } from "@/lib/tasks/list-params";
import type { TaskListRow, TaskListView } from "@/lib/tasks/lists";
import type { BoardCardData, BoardData } from "./board-data";
import { TaskBoardLazy } from "./task-board-lazy";

/** The board of a task list: read and formatted here, moved in the browser (task-board.tsx). */
export async function TaskBoardView({
  db,
  viewer,
  view,
  params,
  path,
  now,
  caption,
}: {
  db: Db;
  viewer: Viewer;
  view: TaskListView;
  params: TaskListParams;
  path: string;
  now: Date;
  caption: string;
}) {
  const formatInstant = await getInstantFormat();
  const { columns } = await taskBoard(db, viewer, view, params, now);
  const cardOf = (row: TaskListRow & { targets: BoardCardData["targets"] }): BoardCardData => {
    const card: BoardCardData = {
      id: row.id,
      number: row.number,
      title: row.title,
      priority: row.priority,
      status: row.status,
      person: view === "mine" ? row.delegator.name : row.assignee.name,
      targets: row.targets,
    };
    if (row.dueAt) card.due = formatInstant(row.dueAt);
    if (row.overdue) card.overdue = true;
    return card;
  };
  const board: BoardData = {
    columns: columns.map((c) => ({
      status: c.status,
      total: c.total,
      cards: c.cards.map(cardOf),
      ...(c.total > c.cards.length ? { moreHref: `${path}${listQuery(params, { status: c.status, layout: "list", page: 1 })}` } : {}),
    })),
  };
  return <TaskBoardLazy board={board} boardKey={`${view}${listQuery(params)}`} caption={caption} />;
}

/** "List | Board": the same list, its filters and sort kept, shown as a table or as columns per status. */
export async function LayoutSwitch({ params, path }: { params: TaskListParams; path: string }) {
  const t = await getTranslations("tasks.board");
  return (
    <nav aria-label={t("layout")} className="inline-flex rounded-md border border-slate-200 bg-white p-0.5 text-sm">
      {(["list", "board"] as const).map((layout) => (
        <Link
          key={layout}
          href={`${path}${listQuery(params, { layout, page: 1 })}`}
          aria-current={params.layout === layout ? "page" : undefined}
          className={
            params.layout === layout ? "rounded bg-slate-100 px-2.5 py-1 font-medium text-slate-900" : "rounded px-2.5 py-1 text-slate-600 hover:text-slate-900"
          }
        >
          {t(layout === "list" ? "asList" : "asBoard")}
        </Link>
      ))}
    </nav>
  );
}
