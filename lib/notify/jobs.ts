import type { Db } from "@/db";
import { deliveryPlan, sendDelivery, sendEmailBatch, settleNotification, type DeliveryRuntime } from "./deliver";
import { sweepOutbox } from "./sweep";

/**
 * Delivers notifications one after another in this process: the same steps the Inngest
 * function runs. Deliveries held back by quiet hours, and failures, stay pending for the sweep.
 */
export async function deliverNow(rt: DeliveryRuntime, notificationIds: readonly string[], now: Date = new Date()): Promise<void> {
  for (const id of notificationIds) {
    for (const d of await deliveryPlan(rt.db, id)) {
      if (d.deliverAfter && new Date(d.deliverAfter).getTime() > now.getTime()) continue;
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

/** Finds what no run completed and hands the notifications back for another delivery. */
export async function sweepStale(db: Db, now: Date, intervalMs: number): Promise<string[]> {
  const stale = await sweepOutbox(db, now, { graceMs: intervalMs, redispatchMs: intervalMs });
  return stale.map((s) => s.notificationId);
}
