import { env } from "@/lib/config/env";
import { getDb } from "@/db";
import { announceNotifications, dispatchMode } from "@/lib/notify/announce";
import { now } from "@/lib/time/clock";
import { reconcileTimelines } from "./reconcile";

/**
 * Without Inngest (the embedded laptop mode) there are no timeline runs: this process runs the
 * reconcile on a timer instead (RECONCILE_INTERVAL_MS, default 30 s), so reminders, overdue
 * notices and escalations still go out, late by at most one interval.
 */
export function startInlineReconcile(): void {
  if (dispatchMode() !== "inline") return;
  const g = globalThis as { __batonReconcile?: NodeJS.Timeout };
  if (g.__batonReconcile) return;
  const interval = env().RECONCILE_INTERVAL_MS;
  let running = false;
  g.__batonReconcile = setInterval(
    () => {
      if (running) return;
      running = true;
      void (async () => {
        const result = await reconcileTimelines(await getDb(), now());
        await announceNotifications(result.notificationIds);
      })()
        .catch((error: unknown) => console.error("[reminders] reconcile failed", error))
        .finally(() => {
          running = false;
        });
    },
    Math.max(250, interval),
  );
  g.__batonReconcile.unref();
}
