import type { Db } from "@/db";
import { runUnit } from "@/lib/effects/unit";
import { now as clockNow } from "@/lib/time/clock";
import { deliveryPlan, sendDelivery, sendEmailBatch, settleNotification, type DeliveryRuntime } from "./deliver";
import { sweepOutbox, type SweepOptions } from "./sweep";

/**
 * Delivers notifications one after another in this process: the same steps the Inngest
 * function runs. Deliveries held back by quiet hours, and failures, stay pending for the sweep.
 * Not a unit of work: it calls the providers, and holds no transaction open across their answers;
 * each delivery row is written by one statement after its call, and nothing is declared.
 */
export async function deliverNow(rt: DeliveryRuntime, notificationIds: readonly string[], now: Date = clockNow()): Promise<void> {
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

/**
 * One pass of the outbox sweep, the job body both engines run (the Inngest cron and the
 * in-process timer): a unit that marks what no run completed and declares it for redelivery,
 * dispatched once committed. Returns how many notifications went back.
 */
export async function sweepJob(db: Db, now: Date, options: SweepOptions = {}): Promise<number> {
  const stale = await runUnit(db, null, (work) => sweepOutbox(work, options), { now, awaitDispatch: true });
  return stale.length;
}
