import { inngest, notificationCreated } from "@/inngest/client";
import { functionRuntime } from "@/inngest/runtime";
import { sweepOutbox } from "@/lib/notify/sweep";

/**
 * Every minute: re-announce deliveries no run has completed, so an event lost between the app
 * and Inngest (or an hour of Inngest downtime) delays a notification but never loses it.
 */
export const sweepOutboxFn = inngest.createFunction({ id: "sweep-outbox", triggers: [{ cron: "* * * * *" }], concurrency: 1 }, async ({ step }) => {
  const rt = await functionRuntime();
  const stale = await step.run("find-stale", () => sweepOutbox(rt.db));
  if (stale.length) {
    await step.sendEvent(
      "re-announce",
      stale.map((s) => notificationCreated.create({ notificationId: s.notificationId }, { id: `notification-${s.notificationId}-r${s.dispatch}` })),
    );
  }
  return { reannounced: stale.length };
});
