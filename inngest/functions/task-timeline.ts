import { inngest, taskScheduled } from "@/inngest/client";
import { functionRuntime } from "@/inngest/runtime";
import { pendingMoments } from "@/lib/reminders/fire";
import { fireMomentsJob } from "@/lib/reminders/jobs";
import { now } from "@/lib/time/clock";

/**
 * One run per task version: plans from the version's pending moments in the moments table
 * (written by the change itself), sleeps until each (reminder, due, escalation), then re-reads
 * the task under its lock and sends what still applies. Any change to the task sends a new
 * event, which cancels this run and starts a fresh one; a run that wakes on an old version does
 * nothing, and the dedupe keys make an overlap harmless.
 */
export const taskTimeline = inngest.createFunction(
  {
    id: "task-timeline",
    triggers: [taskScheduled],
    cancelOn: [{ event: taskScheduled, match: "data.taskId" }],
    retries: 6,
  },
  async ({ event, step }) => {
    const rt = await functionRuntime();
    const { taskId, version } = event.data;
    const moments = await step.run("plan", async () => (await pendingMoments(rt.db, taskId, version)).map((m) => ({ key: m.key, at: m.at.toISOString() })));
    let sent = 0;
    for (const moment of moments) {
      // The step id is the moment's key: stable across replays, and tests mock the sleep by it.
      await step.sleepUntil(moment.key, moment.at);
      const result = await step.run(`fire:${moment.key}`, async () => {
        // Woken by the sleep, the moment has come even if this clock is a little behind Inngest's.
        const current = now();
        const upTo = new Date(Math.max(current.getTime(), Date.parse(moment.at)));
        return fireMomentsJob(rt.db, taskId, { version, upTo, now: current });
      });
      if (result.stale) return { stopped: "changed", sent };
      sent += result.sent;
    }
    return { sent };
  },
);
