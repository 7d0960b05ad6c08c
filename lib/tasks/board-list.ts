import type { DbOrTx } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import { boardTargets } from "./board-moves";
import { PAGE_SIZE, type TaskListParams } from "./list-params";
import { taskListRows, taskStatusCounts, type StatusCounts, type TaskListRow, type TaskListView } from "./lists";
import { ACTIVE_STATUSES, TASK_STATUSES, type TaskStatus } from "./schema";

/** The most cards one column shows; the rest are a link to the list of that status. */
export const BOARD_COLUMN_CAP = PAGE_SIZE;

export interface BoardCard extends TaskListRow {
  /** The columns the viewer may move this card to (board-moves.ts). */
  targets: TaskStatus[];
}

export interface BoardColumn {
  status: TaskStatus;
  /** Every task of this status the list's filters match; `cards` holds the first BOARD_COLUMN_CAP in the list's order. */
  total: number;
  cards: BoardCard[];
}

/**
 * The board's columns for a status filter. Active work shows done too, so a finished task can be
 * dropped there; "all" shows every status; one status shows its own column alone.
 */
export function boardStatuses(filter: TaskListParams["status"]): readonly TaskStatus[] {
  if (filter === "all") return TASK_STATUSES;
  if (filter === "active") return [...ACTIVE_STATUSES, "done"];
  return [filter];
}

/**
 * A task list as a board: one column per status with the list's filters and sort, each read as
 * the list's first page of that status (the same prepared queries), so 5,000 tasks never render
 * as 5,000 cards. Counts come from the list's counts per status.
 */
export async function taskBoard(
  db: DbOrTx,
  viewer: Viewer,
  view: TaskListView,
  params: TaskListParams,
  now: Date,
): Promise<{ columns: BoardColumn[]; counts: StatusCounts }> {
  const statuses = boardStatuses(params.status);
  const [counts, ...pages] = await Promise.all([
    taskStatusCounts(db, viewer, view, params, now),
    ...statuses.map((status) => taskListRows(db, viewer, view, { ...params, status, page: 1 }, now)),
  ]);
  const columns = statuses.map((status, i) => ({
    status,
    total: counts[status],
    cards: pages[i]!.slice(0, BOARD_COLUMN_CAP).map((row) => ({ ...row, targets: targetsOf(viewer, view, row, statuses) })),
  }));
  return { columns, counts };
}

/** How the viewer stands to a listed task, from the row itself: the list's scope says the rest. */
function targetsOf(viewer: Viewer, view: TaskListView, row: TaskListRow, columns: readonly TaskStatus[]): TaskStatus[] {
  const relation = {
    isAdmin: viewer.role === "admin",
    isCreator: row.delegator.id === viewer.id,
    isAssignee: row.assignee.id === viewer.id,
    aboveAssignee: view === "team",
    aboveCreator: false,
  };
  return boardTargets(
    relation,
    { status: row.status, needsAcceptance: row.needsAcceptance, assigneeId: row.assignee.id, createdById: row.delegator.id },
    columns,
  );
}
