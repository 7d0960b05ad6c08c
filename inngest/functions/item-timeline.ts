import { timelineItemTypes, type TimelineItemType } from "@/db/schema";
import { inngest, scheduledEvents, scheduledIdField, scheduledItemOf } from "@/inngest/client";
import { functionRuntime } from "@/inngest/runtime";
import { fireItemJob } from "@/lib/timelines/jobs";
import { pendingMomentsOf } from "@/lib/timelines/pending";
import { now } from "@/lib/time/clock";

/**
 * The durable run of one item version, for one kind of item (`task-timeline` on
 * `baton/task.scheduled`, `entry-timeline` on `baton/entry.scheduled`, ...): plans from the
 * version's pending moments in the moments table (written by the change itself), sleeps until each
 * (reminder, due, escalation), then re-reads the item under its lock and sends what still applies
 * (`fireItemMoments`). Any change to the item sends a new event, which cancels this run and starts
 * a fresh one; a run that wakes on an old version does nothing, and the dedupe keys make an
 * overlap harmless.
 */
function itemTimeline<T extends TimelineItemType>(type: T) {
  const scheduled = scheduledEvents[type];
  return inngest.createFunction(
    {
      id: `${type}-timeline`,
      triggers: [scheduled],
      cancelOn: [{ event: scheduled, match: `data.${scheduledIdField(type)}` }],
      retries: 6,
    },
    async ({ event, step }) => {
      const rt = await functionRuntime();
      const { id, version } = scheduledItemOf(type, event.data);
      const item = { type, id };
      const moments = await step.run("plan", async () => (await pendingMomentsOf(rt.db, item, version)).map((m) => ({ key: m.key, at: m.at.toISOString() })));
      let sent = 0;
      for (const moment of moments) {
        // The step id is the moment's key: stable across replays, and tests mock the sleep by it.
        await step.sleepUntil(moment.key, moment.at);
        const result = await step.run(`fire:${moment.key}`, async () => {
          // Woken by the sleep, the moment has come even if this clock is a little behind Inngest's.
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
}

/** One run function per kind in the timelines registry: a new kind gets its own with no code here. */
export const itemTimelines = Object.fromEntries(timelineItemTypes.map((type) => [type, itemTimeline(type)])) as {
  [T in TimelineItemType]: ReturnType<typeof itemTimeline<T>>;
};
