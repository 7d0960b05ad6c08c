import { emailRequested, inngest } from "@/inngest/client";
import { functionRuntime } from "@/inngest/runtime";
import { markDeliveriesFailed, sendEmailBatch, settleNotification, settleNotifications } from "@/lib/notify/deliver";
import { notificationIdsOfDeliveries } from "@/lib/notify/queries-deliveries";

/**
 * E-mails go out in batches of up to 100 through Resend's batch endpoint, at most two requests
 * a second (Resend's default rate limit), so a burst of 10,000 notifications takes about 50 s
 * instead of 83 minutes of single sends.
 */
export const sendEmailBatchFn = inngest.createFunction(
  {
    id: "send-email-batch",
    triggers: [emailRequested],
    batchEvents: { maxSize: 100, timeout: "2s" },
    throttle: { limit: 2, period: "1s" },
    retries: 6,
    onFailure: async ({ event, error }) => {
      const rt = await functionRuntime();
      const ids = [event.data.event.data.deliveryId];
      const notificationIds = await notificationIdsOfDeliveries(rt.db, ids);
      await markDeliveriesFailed(rt.db, ids, { notificationId: notificationIds.join(",") || "unknown", channel: "email" }, error);
      for (const id of notificationIds) await settleNotification(rt.db, id);
    },
  },
  async ({ events, step }) => {
    const rt = await functionRuntime();
    const ids = events.map((e) => e.data.deliveryId);
    const sent = await step.run("send-batch", () => sendEmailBatch(rt, ids));
    await step.run("settle", async () => {
      await settleNotifications(rt.db, await notificationIdsOfDeliveries(rt.db, ids));
    });
    return sent;
  },
);
