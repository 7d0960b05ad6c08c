"use client";

import dynamic from "next/dynamic";

/**
 * The board (task-board.tsx) with its drag and drop (dnd-kit), loaded only where a board is shown:
 * the list layout of the same pages does not carry it in its first-load JavaScript. Still rendered
 * on the server, so the columns are there before the script arrives.
 */
export const TaskBoardLazy = dynamic(() => import("./task-board").then((m) => m.TaskBoard));
