import { inngest, notificationCreated, scheduledEvent } from "@/inngest/client";
import { env } from "@/lib/config/env";
import { withinTimeout, type Dispatcher, type Effect } from "@/lib/effects";

/**
 * The production engine: each effect becomes an Inngest event whose id is the outbox id or the
 * item version, so a resend is deduplicated. A send Inngest loses or does not answer is logged;
 * the outbox sweep and the reconcile pick it up.
 */
export const inngestDispatcher: Dispatcher = {
  name: "inngest",
  async dispatch(effects: readonly Effect[]) {
    const notified = effects.flatMap((effect) => {
      if (effect.kind === "notify")
        return effect.ids.map((notificationId) => notificationCreated.create({ notificationId }, { id: `notification-${notificationId}` }));
      if (effect.kind === "redeliver") {
        return effect.notifications.map((n) => notificationCreated.create({ notificationId: n.id }, { id: `notification-${n.id}-r${n.dispatch}` }));
      }
      return [];
    });
    const scheduled = effects.flatMap((effect) => {
      if (effect.kind !== "schedule") return [];
      const { type, id, version, reason } = effect.item;
      return [scheduledEvent(effect.item, `${type}-${id}-v${version}${reason ? `-${reason}` : ""}`)];
    });
    const events = [...notified, ...scheduled];
    if (!events.length) return;
    try {
      await withinTimeout(inngest.send(events), env().INNGEST_SEND_TIMEOUT_MS, "Inngest");
    } catch (error) {
      console.error(`[effects] sending ${events.length} event(s) to Inngest failed; the sweep and the reconcile will catch up`, error);
    }
  },
};
