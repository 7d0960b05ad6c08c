import { getDb } from "@/db";
import { env } from "@/lib/config/env";
import { setDispatcher, type Dispatcher, type Effect } from "@/lib/effects";
import { collectAttachmentGarbage } from "@/lib/files/garbage";
import { fileStorage } from "@/lib/files/storage";
import { deliverNow, sweepJob } from "@/lib/notify/jobs";
import { deliveryRuntime } from "@/lib/notify/runtime";
import { extendSeriesBookings } from "@/lib/resources/series-horizon";
import { createDueInstancesJob } from "@/lib/tasks/repeat-instances";
import { reconcileJob } from "@/lib/timelines/jobs";
import { now } from "@/lib/time/clock";

const SWEEP_INTERVAL_MS = 30_000;
const GARBAGE_INTERVAL_MS = 10 * 60_000;
/** The series' booking horizon moves a day at a time; looking every hour is idempotent and cheap. */
const HORIZON_INTERVAL_MS = 60 * 60_000;

/**
 * The embedded engine (no Inngest configured): notifications are delivered in this process
 * right after the change (and again when the sweep hands them back), by the same job bodies the
 * Inngest functions run. There are no
 * durable timeline runs: the reconcile runs on a timer instead (RECONCILE_INTERVAL_MS), so a
 * scheduled item needs nothing at dispatch and its moments go out late by at most one interval.
 */
export const inProcessDispatcher: Dispatcher = {
  name: "in-process",
  async dispatch(effects: readonly Effect[]) {
    const ids = effects.flatMap((e) => (e.kind === "notify" ? e.ids : e.kind === "redeliver" ? e.notifications.map((n) => n.id) : []));
    if (!ids.length) return;
    // Not awaited: whoever dispatched has already answered the person.
    setImmediate(() => void deliver(ids));
  },
};

async function deliver(ids: readonly string[]): Promise<void> {
  try {
    await deliverNow(await deliveryRuntime(), ids);
  } catch (error) {
    console.error("[notify] in-process delivery failed; the sweep will retry", error);
  }
}

/**
 * Registers the engine and starts its timers: the outbox sweep (deliveries held back by quiet
 * hours, and failures), the reconcile and the collector of removed files' bytes. Once per process,
 * however often start runs.
 */
export function startInProcessEngine(): void {
  setDispatcher(inProcessDispatcher);
  const g = globalThis as {
    __batonSweep?: NodeJS.Timeout;
    __batonReconcile?: NodeJS.Timeout;
    __batonGarbage?: NodeJS.Timeout;
    __batonTaskInstances?: NodeJS.Timeout;
    __batonHorizon?: NodeJS.Timeout;
  };
  g.__batonSweep ??= every(SWEEP_INTERVAL_MS, "[notify] outbox sweep failed", async () => {
    // What it finds comes back through this engine's dispatch, as a redeliver effect.
    await sweepJob(await getDb(), now(), { graceMs: SWEEP_INTERVAL_MS, redispatchMs: SWEEP_INTERVAL_MS });
  });
  g.__batonReconcile ??= every(Math.max(250, env().RECONCILE_INTERVAL_MS), "[reminders] reconcile failed", async () => {
    await reconcileJob(await getDb(), now());
  });
  g.__batonGarbage ??= every(GARBAGE_INTERVAL_MS, "[files] collecting removed files' bytes failed", async () => {
    await collectAttachmentGarbage(await getDb(), fileStorage());
  });
  // Repeating tasks' next instances, on the reconcile's beat (what the Inngest cron does each minute).
  g.__batonTaskInstances ??= every(Math.max(250, env().RECONCILE_INTERVAL_MS), "[tasks] creating repeated instances failed", async () => {
    await createDueInstancesJob(await getDb(), now());
  });
  g.__batonHorizon ??= every(HORIZON_INTERVAL_MS, "[resources] extending series bookings failed", async () => {
    await extendSeriesBookings(await getDb(), now());
  });
}

/** A timer that never overlaps itself and never keeps the process alive. */
function every(ms: number, failure: string, job: () => Promise<void>): NodeJS.Timeout {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void job()
      .catch((error: unknown) => console.error(failure, error))
      .finally(() => {
        running = false;
      });
  }, ms);
  timer.unref();
  return timer;
}
