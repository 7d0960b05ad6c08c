import { entryScheduled, inngest } from "@/inngest/client";
import { functionRuntime } from "@/inngest/runtime";
import { fireItemJob } from "@/lib/timelines/jobs";
import { pendingMomentsOf } from "@/lib/timelines/pending";
import { now } from "@/lib/time/clock";

/**
 * One run per calendar entry version, as for tasks (task-timeline.ts): plans from the version's
 * pending reminders, sleeps until each, re-reads the entry under its lock and sends what still
 * applies. A move, a new attendee or an answer sends a new event, which cancels this run.
 */
export const entryTimeline = inngest.createFunction(
  {
    id: "entry-timeline",
    triggers: [entryScheduled],
    cancelOn: [{ event: entryScheduled, match: "data.entryId" }],
    retries: 6,
  },
  async ({ event, step }) => {
    const rt = await functionRuntime();
    const { entryId, version } = event.data;
    const item = { type: "entry" as const, id: entryId };
    const moments = await step.run("plan", async () => (await pendingMomentsOf(rt.db, item, version)).map((m) => ({ key: m.key, at: m.at.toISOString() })));
    let sent = 0;
    for (const moment of moments) {
      await step.sleepUntil(moment.key, moment.at);
      const result = await step.run(`fire:${moment.key}`, async () => {
        const current = now();
        const upTo = new Date(Math.max(current.getTime(), Date.parse(moment.at)));
        return fireItemJob(rt.db, item, { version, upTo, now: current });
      });
      if (result.stale) return { stopped: "changed", sent };
      sent += result.sent;
    }
    return { sent };
  },
);
