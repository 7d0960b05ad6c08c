import { AsyncLocalStorage } from "node:async_hooks";
import { inngest, taskScheduled } from "@/inngest/client";
import { env } from "@/lib/config/env";
import { dispatchMode } from "@/lib/notify/announce";

export interface ScheduleRequest {
  taskId: string;
  version: number;
  /** Distinguishes a new run for the same version (a snooze) from a resent event. */
  reason?: string;
}

const collector = new AsyncLocalStorage<ScheduleRequest[]>();

/** Runs `fn`, collecting the tasks whose timelines it changed (see noteTaskScheduled). */
export async function collectingSchedules<T>(fn: () => Promise<T>): Promise<{ result: T; schedules: ScheduleRequest[] }> {
  const schedules: ScheduleRequest[] = [];
  const result = await collector.run(schedules, fn);
  return { result, schedules };
}

/**
 * Called by task commands inside their transaction: once the change commits, the task's
 * timeline run is replaced. Outside a collecting scope it does nothing; the reconcile still
 * catches every moment.
 */
export function noteTaskScheduled(request: ScheduleRequest): void {
  const store = collector.getStore();
  if (!store) return;
  const same = store.findIndex((s) => s.taskId === request.taskId);
  // Only the newest version of a task needs a run.
  if (same >= 0) store.splice(same, 1);
  store.push(request);
}

/**
 * Starts a fresh timeline run per task after commit (the event cancels the previous run).
 * Bounded by a timeout and never failing the caller: without Inngest, or when the event is lost,
 * the reconcile sends what is due.
 */
export async function announceSchedules(requests: ScheduleRequest[]): Promise<void> {
  if (!requests.length || dispatchMode() === "inline") return;
  const events = requests.map((r) =>
    taskScheduled.create({ taskId: r.taskId, version: r.version }, { id: `task-${r.taskId}-v${r.version}${r.reason ? `-${r.reason}` : ""}` }),
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Inngest did not answer within ${env().INNGEST_SEND_TIMEOUT_MS} ms`)), env().INNGEST_SEND_TIMEOUT_MS);
  });
  try {
    await Promise.race([inngest.send(events), timeout]);
  } catch (error) {
    console.error(`[reminders] scheduling ${requests.length} task timeline(s) failed; the reconcile will send what is due`, error);
  } finally {
    clearTimeout(timer);
  }
}
