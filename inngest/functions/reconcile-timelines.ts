import { inngest } from "@/inngest/client";
import { functionRuntime } from "@/inngest/runtime";
import { reconcileJob } from "@/lib/timelines/jobs";
import { now } from "@/lib/time/clock";

/**
 * Every minute: send reminders, overdue notices and escalations of every kind of item that are
 * due but were not sent, so a schedule event lost between the app and Inngest never loses a
 * reminder, and write the next batch of the backfill (items that never had a timeline).
 */
export const reconcileTimelinesFn = inngest.createFunction(
  { id: "reconcile-timelines", triggers: [{ cron: "* * * * *" }], concurrency: 1 },
  async ({ step }) => {
    const rt = await functionRuntime();
    return step.run("reconcile", () => reconcileJob(rt.db, now()));
  },
);
