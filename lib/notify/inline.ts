import { deliveryPlan, sendDelivery, sendEmailBatch, settleNotification } from "./deliver";
import { deliveryRuntime } from "./runtime";

/**
 * Delivery without Inngest (the embedded laptop mode): the same steps the Inngest function runs,
 * one after another. Deliveries held back by quiet hours, and failures, stay pending for the
 * sweep (lib/notify/sweep.ts), which the server runs on a timer in this mode.
 */
export async function deliverInline(notificationIds: string[]): Promise<void> {
  const rt = await deliveryRuntime();
  const now = Date.now();
  for (const id of notificationIds) {
    for (const d of await deliveryPlan(rt.db, id)) {
      if (d.deliverAfter && new Date(d.deliverAfter).getTime() > now) continue;
      try {
        if (d.channel === "email") await sendEmailBatch(rt, [d.id]);
        else await sendDelivery(rt, d.id);
      } catch (error) {
        console.error(`[notify] ${d.channel} delivery ${d.id} failed; will retry`, error);
      }
    }
    await settleNotification(rt.db, id);
  }
}
