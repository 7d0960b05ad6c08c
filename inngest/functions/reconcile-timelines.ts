import { inngest } from "@/inngest/client";
import { functionRuntime } from "@/inngest/runtime";
import { reconcileJob } from "@/lib/reminders/jobs";
import { now } from "@/lib/time/clock";

/**
 * Every minute: send reminders, overdue notices and escalations that are due but were not sent,
 * so a schedule event lost between the app and Inngest never loses a reminder.
 */
export const reconcileTimelinesFn = inngest.createFunction(
  { id: "reconcile-timelines", triggers: [{ cron: "* * * * *" }], concurrency: 1 },
  async ({ step }) => {
    const rt = await functionRuntime();
    return step.run("reconcile", () => reconcileJob(rt.db, now()));
  },
);
