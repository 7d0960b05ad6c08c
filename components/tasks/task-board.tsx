"use client";

import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
} from "@dnd-kit/core";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { clsx } from "clsx";
import { ChevronDown, GripVertical } from "lucide-react";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { PriorityLabel } from "@/components/ui/priority-label";
import { moveOnBoardAction } from "@/lib/tasks/actions";
import { withCardMoved, type BoardCardData, type BoardColumnData, type BoardData } from "./board-data";
import type { TaskStatus } from "@/lib/tasks/schema";

const COLUMN_TONE: Record<TaskStatus, string> = {
  open: "border-t-slate-400",
  in_progress: "border-t-blue-500",
  awaiting_acceptance: "border-t-violet-500",
  done: "border-t-emerald-500",
  cancelled: "border-t-slate-300",
};

/**
 * Arrow keys carry a picked-up card to the next column left or right (not 25 pixels at a time):
 * the column's top-left corner, which the collision detection reads as being over that column.
 */
const columnJump: KeyboardCoordinateGetter = (event, { context: { droppableRects, collisionRect } }) => {
  const dir = event.code === "ArrowRight" ? 1 : event.code === "ArrowLeft" ? -1 : 0;
  if (!dir || !collisionRect) return undefined;
  event.preventDefault();
  const rects = [...droppableRects.values()].sort((a, b) => a.left - b.left);
  const x = collisionRect.left;
  const next = dir > 0 ? rects.find((r) => r.left > x + 1) : rects.reverse().find((r) => r.left < x - 1);
  return next ? { x: next.left + 4, y: next.top + 40 } : undefined;
};

/**
 * Tasks by status. A card goes to another column by dragging its handle, by the keyboard (space
 * on the handle, arrows, space again) or through its "Move to…" menu; each move is the workflow
 * step of the task page's buttons, shown at once and undone with the server's reason when refused.
 */
export function TaskBoard({ board, boardKey, caption }: { board: BoardData; boardKey: string; caption: string }) {
  const t = useTranslations("tasks.board");
  const ts = useTranslations("tasks.status");
  const router = useRouter();
  const client = useQueryClient();
  const queryKey = ["task-board", boardKey];
  // The server renders the board; the cache holds what the person sees, moved ahead of the server.
  const { data } = useQuery({ queryKey, queryFn: () => board, initialData: board, staleTime: Infinity });
  useEffect(() => {
    client.setQueryData(["task-board", boardKey], board);
  }, [client, boardKey, board]);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const cardOf = useCallback((id: string) => data.columns.flatMap((c) => c.cards).find((c) => c.id === id), [data]);
  const label = (card: BoardCardData) => t("cardLabel", { number: card.number, title: card.title });

  const move = useCallback(
    async (cardId: string, to: TaskStatus) => {
      const card = cardOf(cardId);
      if (!card || card.status === to) return;
      const key = ["task-board", boardKey];
      await client.cancelQueries({ queryKey: key });
      const before = client.getQueryData<BoardData>(key);
      client.setQueryData<BoardData>(key, (b) => (b ? withCardMoved(b, cardId, to) : b));
      setMessage({ text: t("moving", { task: label(card), status: ts(to) }), error: false });
      const result = await moveOnBoardAction({ taskId: cardId, status: to }).catch(() => null);
      if (!result?.ok) {
        if (before) client.setQueryData(key, before);
        setMessage({ text: t("refused", { task: label(card), reason: result?.error ?? t("failed") }), error: true });
        return;
      }
      setMessage({ text: t("moved", { task: label(card), status: ts(result.data.status) }), error: false });
      router.refresh();
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- label reads t only
    [cardOf, boardKey, client, router, t, ts],
  );

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: columnJump }));

  const nameOf = (id: string | number | undefined) => {
    const card = id === undefined ? undefined : cardOf(String(id));
    return card ? label(card) : "";
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t("pickedUp", { task: nameOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? t("over", { task: nameOf(active.id), status: ts(over.id as TaskStatus) }) : t("overNothing", { task: nameOf(active.id) }),
    onDragEnd: ({ active, over }) =>
      over ? t("dropped", { task: nameOf(active.id), status: ts(over.id as TaskStatus) }) : t("cancelled", { task: nameOf(active.id) }),
    onDragCancel: ({ active }) => t("cancelled", { task: nameOf(active.id) }),
  };

  function onDragEnd({ active, over }: DragEndEvent) {
    if (over) void move(String(active.id), over.id as TaskStatus);
  }

  const [dragging, setDragging] = useState<BoardCardData | null>(null);

  return (
    <div>
      <p role="status" aria-live="polite" className={clsx("mb-2 min-h-5 text-sm", message?.error ? "text-red-700" : "text-slate-600")} data-board-message>
        {message?.text}
      </p>
      <DndContext
        id="task-board"
        sensors={sensors}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t("instructions") } }}
        onDragStart={({ active }) => setDragging(cardOf(String(active.id)) ?? null)}
        onDragCancel={() => setDragging(null)}
        onDragEnd={(event) => {
          setDragging(null);
          onDragEnd(event);
        }}
      >
        <div role="region" aria-label={caption} tabIndex={0} className="flex gap-3 overflow-x-auto pb-2">
          {data.columns.map((column) => (
            <BoardColumn key={column.status} column={column} target={dragging ? dragging.targets.includes(column.status) : false} onMove={move} label={label} />
          ))}
        </div>
      </DndContext>
    </div>
  );
}

function BoardColumn({
  column,
  target,
  onMove,
  label,
}: {
  column: BoardColumnData;
  target: boolean;
  onMove: (cardId: string, to: TaskStatus) => Promise<void>;
  label: (card: BoardCardData) => string;
}) {
  const t = useTranslations("tasks.board");
  const ts = useTranslations("tasks.status");
  const { setNodeRef, isOver } = useDroppable({ id: column.status });
  const headingId = `board-${column.status}`;
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      data-column={column.status}
      className={clsx(
        "flex w-64 shrink-0 flex-col rounded-md border border-t-2 border-slate-200 bg-slate-50",
        COLUMN_TONE[column.status],
        target && "ring-1 ring-brand-300",
        isOver && "bg-brand-50",
      )}
    >
      <h2 id={headingId} className="flex items-center justify-between px-2.5 py-1.5 text-xs font-semibold tracking-wide text-slate-700 uppercase">
        <span>{ts(column.status)}</span>
        <span className="rounded bg-white px-1.5 text-slate-600 tabular-nums ring-1 ring-slate-200">
          <span aria-hidden>{column.total}</span>
          <span className="sr-only">{t("count", { count: column.total })}</span>
        </span>
      </h2>
      {column.cards.length ? (
        <ul className="flex min-h-16 flex-col gap-1.5 px-1.5 pb-1.5">
          {column.cards.map((card) => (
            <BoardCard key={card.id} card={card} onMove={onMove} label={label(card)} />
          ))}
        </ul>
      ) : (
        <p className="min-h-16 px-2.5 pb-2 text-xs text-slate-600">{t("emptyColumn")}</p>
      )}
      {column.moreHref ? (
        <Link href={column.moreHref} className="border-t border-slate-200 px-2.5 py-1.5 text-xs text-brand-700 hover:underline">
          {t("more", { count: column.total - column.cards.length })}
        </Link>
      ) : null}
    </section>
  );
}

function BoardCard({ card, onMove, label }: { card: BoardCardData; onMove: (cardId: string, to: TaskStatus) => Promise<void>; label: string }) {
  const t = useTranslations("tasks.board");
  const ts = useTranslations("tasks.status");
  const tl = useTranslations("tasks.list");
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: card.id });
  return (
    <li
      ref={setNodeRef}
      data-card={card.number}
      style={transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined}
      className={clsx("rounded border border-slate-200 bg-white p-2 text-sm shadow-xs", isDragging && "relative z-10 shadow-md")}
    >
      <div className="flex items-start gap-1">
        <button
          type="button"
          {...attributes}
          {...listeners}
          aria-label={t("drag", { task: label })}
          className="-ml-1 cursor-grab touch-none rounded p-0.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
        >
          <GripVertical aria-hidden className="h-4 w-4" />
        </button>
        <div className="min-w-0 flex-1">
          <Link href={`/tasks/${card.id}`} className="line-clamp-2 font-medium text-slate-900 hover:underline">
            <span className="mr-1 text-slate-600 tabular-nums">#{card.number}</span>
            {card.title}
          </Link>
          <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-slate-600">
            <PriorityLabel priority={card.priority} />
            {card.due ? (
              <span className={clsx(card.overdue && "font-medium text-red-700")}>
                {card.due}
                {card.overdue ? ` · ${tl("overdue")}` : null}
              </span>
            ) : null}
            <span className="truncate">{card.person}</span>
          </div>
        </div>
        {card.targets.length ? (
          <DropdownMenu.Root modal={false}>
            <DropdownMenu.Trigger aria-label={t("moveTo", { task: label })} className="rounded p-0.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800">
              <ChevronDown aria-hidden className="h-4 w-4" />
            </DropdownMenu.Trigger>
            <DropdownMenu.Portal>
              <DropdownMenu.Content align="end" className="z-50 min-w-40 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-md">
                <DropdownMenu.Label className="px-2 py-1 text-xs text-slate-600">{t("moveToLabel")}</DropdownMenu.Label>
                {card.targets.map((to) => (
                  <DropdownMenu.Item
                    key={to}
                    onSelect={() => void onMove(card.id, to)}
                    className="cursor-pointer rounded px-2 py-1 outline-none data-[highlighted]:bg-brand-50 data-[highlighted]:text-brand-800"
                  >
                    {ts(to)}
                  </DropdownMenu.Item>
                ))}
              </DropdownMenu.Content>
            </DropdownMenu.Portal>
          </DropdownMenu.Root>
        ) : null}
      </div>
    </li>
  );
}
