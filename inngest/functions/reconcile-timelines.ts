import { inngest } from "@/inngest/client";
import { functionRuntime } from "@/inngest/runtime";
import { announceNotifications } from "@/lib/notify/announce";
import { reconcileTimelines } from "@/lib/reminders/reconcile";
import { now } from "@/lib/time/clock";

/**
 * Every minute: send reminders, overdue notices and escalations that are due but were not sent,
 * so a schedule event lost between the app and Inngest never loses a reminder.
 */
export const reconcileTimelinesFn = inngest.createFunction(
  { id: "reconcile-timelines", triggers: [{ cron: "* * * * *" }], concurrency: 1 },
  async ({ step }) => {
    const rt = await functionRuntime();
    return step.run("reconcile", async () => {
      const result = await reconcileTimelines(rt.db, now());
      await announceNotifications(result.notificationIds);
      return { checked: result.checked, fired: result.fired };
    });
  },
);
