import { inngest } from "@/inngest/client";
import { functionRuntime } from "@/inngest/runtime";
import { sweepJob } from "@/lib/notify/jobs";
import { now } from "@/lib/time/clock";

/**
 * Every minute: re-announce deliveries no run has completed, so an event lost between the app
 * and Inngest (or an hour of Inngest downtime) delays a notification but never loses it. The
 * job declares them as a redeliver effect; the dispatcher sends the events.
 */
export const sweepOutboxFn = inngest.createFunction({ id: "sweep-outbox", triggers: [{ cron: "* * * * *" }], concurrency: 1 }, async ({ step }) => {
  const rt = await functionRuntime();
  const reannounced = await step.run("sweep", () => sweepJob(rt.db, now()));
  return { reannounced };
});
