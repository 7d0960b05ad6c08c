import { emailRequested, inngest, notificationCreated } from "@/inngest/client";
import { functionRuntime } from "@/inngest/runtime";
import { deliveryPlan, markDeliveriesFailed, sendDelivery, settleNotification } from "@/lib/notify/deliver";

/**
 * One run per notification: a step per channel in routing order, held back by quiet hours
 * where routing said so. E-mail is handed to the batched sender. Runs for the same notification
 * never overlap, and a delivery that is no longer pending is never sent again.
 */
export const deliverNotification = inngest.createFunction(
  {
    id: "deliver-notification",
    triggers: [notificationCreated],
    retries: 6,
    concurrency: [{ key: "event.data.notificationId", limit: 1 }],
    onFailure: async ({ event, error }) => {
      const rt = await functionRuntime();
      const pending = await deliveryPlan(rt.db, event.data.event.data.notificationId);
      const notificationId = event.data.event.data.notificationId;
      await markDeliveriesFailed(
        rt.db,
        pending.filter((d) => d.channel !== "email").map((d) => d.id),
        { notificationId, channel: "sms/push" },
        error,
      );
      await settleNotification(rt.db, event.data.event.data.notificationId);
    },
  },
  async ({ event, step }) => {
    const rt = await functionRuntime();
    const { notificationId } = event.data;
    const plan = await step.run("plan", () => deliveryPlan(rt.db, notificationId));
    for (const delivery of plan) {
      // A moment in the past returns at once, so replays take the same path.
      if (delivery.deliverAfter) await step.sleepUntil(`quiet-hours-${delivery.channel}`, delivery.deliverAfter);
      if (delivery.channel === "email") {
        await step.sendEvent("request-email", emailRequested.create({ deliveryId: delivery.id }, { id: `email-${delivery.id}-r${delivery.dispatches}` }));
      } else {
        await step.run(`send-${delivery.channel}`, () => sendDelivery(rt, delivery.id));
      }
    }
    return step.run("settle", () => settleNotification(rt.db, notificationId));
  },
);
