import { and, asc, desc, eq, gt, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { taskSeries, tasks } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { visibleTo, type TaskRow } from "./access";
import type { TaskRepeat } from "./repeat-rule";
import { repeatOfSeries } from "./repetition";

export interface TaskRepetition {
  repeat: TaskRepeat;
  dueDays: number | null;
  /** False once stopped: the line says so, the instances stay. */
  active: boolean;
  /** When the next instance appears; null while an "after completion" series waits, or once stopped. */
  nextAt: Date | null;
  /** The neighbouring instances the viewer may see, and how many instances the series has made. */
  previous: { id: string; number: number } | null;
  next: { id: string; number: number } | null;
  count: number;
}

/** The series a task belongs to, as its page shows it: the rule, the next moment and the neighbouring instances. */
export async function repetitionOfTask(db: DbOrTx, viewer: Viewer, task: Pick<TaskRow, "seriesId" | "seriesAt">): Promise<TaskRepetition | null> {
  if (!task.seriesId || !task.seriesAt) return null;
  const [series] = await db.select().from(taskSeries).where(eq(taskSeries.id, task.seriesId));
  if (!series) return null;
  const inSeries = eq(tasks.seriesId, series.id);
  const seen = visibleTo(viewer);
  const ref = { id: tasks.id, number: tasks.number };
  const [[previous], [next], [counted]] = await Promise.all([
    db
      .select(ref)
      .from(tasks)
      .where(and(inSeries, lt(tasks.seriesAt, task.seriesAt), seen))
      .orderBy(desc(tasks.seriesAt))
      .limit(1),
    db
      .select(ref)
      .from(tasks)
      .where(and(inSeries, gt(tasks.seriesAt, task.seriesAt), seen))
      .orderBy(asc(tasks.seriesAt))
      .limit(1),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(tasks)
      .where(and(inSeries, seen)),
  ]);
  return {
    repeat: repeatOfSeries(series),
    dueDays: series.dueDays,
    active: !series.stoppedAt,
    nextAt: series.stoppedAt ? null : series.nextAt,
    previous: previous ?? null,
    next: next ?? null,
    count: counted?.n ?? 0,
  };
}
