import type { Priority } from "@/lib/org/vocabulary";
import type { TaskStatus } from "@/lib/tasks/schema";

/** One card as the page sends it: texts already formatted in the viewer's zone and language. */
export interface BoardCardData {
  id: string;
  number: number;
  title: string;
  priority: Priority;
  status: TaskStatus;
  /** The due moment, formatted; absent: no due date. */
  due?: string;
  overdue?: true;
  /** The other side: who asked (My tasks) or who does it. */
  person: string;
  /** The columns the viewer may move it to. */
  targets: TaskStatus[];
}

export interface BoardColumnData {
  status: TaskStatus;
  total: number;
  cards: BoardCardData[];
  /** The list of this status alone, when the column shows only its first cards. */
  moreHref?: string;
}

export interface BoardData {
  columns: BoardColumnData[];
}

/** The board with `cardId` moved to the top of `to`'s column, counts following: what the server is about to do. */
export function withCardMoved(board: BoardData, cardId: string, to: TaskStatus): BoardData {
  const card = board.columns.flatMap((c) => c.cards).find((c) => c.id === cardId);
  if (!card || card.status === to) return board;
  return {
    columns: board.columns.map((column) => {
      if (column.status === card.status) return { ...column, total: column.total - 1, cards: column.cards.filter((c) => c.id !== cardId) };
      if (column.status === to) return { ...column, total: column.total + 1, cards: [{ ...card, status: to, targets: [] }, ...column.cards] };
      return column;
    }),
  };
}
