import { AsyncLocalStorage } from "node:async_hooks";
import { env, inngestDevMode } from "@/lib/config/env";
import { inngest, notificationCreated } from "@/inngest/client";
import { deliverInline } from "./inline";

/**
 * After a change commits, its notifications are announced: to Inngest as events whose ids are
 * the outbox ids (so a resend is deduplicated), or, on a laptop with no Inngest, delivered in
 * this process. Either way the caller never waits for or fails because of delivery; the outbox
 * sweep picks up whatever an announcement lost.
 */
export function dispatchMode(): "inngest" | "inline" {
  const e = env();
  if (e.NOTIFY_DISPATCH) return e.NOTIFY_DISPATCH;
  return e.INNGEST_EVENT_KEY || inngestDevMode(e.INNGEST_DEV) || e.INNGEST_BASE_URL ? "inngest" : "inline";
}

export async function announceNotifications(ids: string[], dispatch: number[] = []): Promise<void> {
  if (!ids.length) return;
  if (dispatchMode() === "inline") {
    // Not awaited: the person's action has already succeeded.
    setImmediate(() => void deliverInline(ids).catch((error: unknown) => console.error("[notify] inline delivery failed", error)));
    return;
  }
  const events = ids.map((notificationId, i) =>
    notificationCreated.create({ notificationId }, { id: dispatch[i] ? `notification-${notificationId}-r${dispatch[i]}` : `notification-${notificationId}` }),
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Inngest did not answer within ${env().INNGEST_SEND_TIMEOUT_MS} ms`)), env().INNGEST_SEND_TIMEOUT_MS);
  });
  try {
    await Promise.race([inngest.send(events), timeout]);
  } catch (error) {
    console.error(`[notify] announcing ${ids.length} notification(s) failed; the outbox sweep will resend`, error);
  } finally {
    clearTimeout(timer);
  }
}

const collector = new AsyncLocalStorage<string[]>();

/** Runs `fn`, collecting the ids of notifications written during it (see writeOutbox). */
export async function collectingNotifications<T>(fn: () => Promise<T>): Promise<{ result: T; notificationIds: string[] }> {
  const ids: string[] = [];
  const result = await collector.run(ids, fn);
  return { result, notificationIds: ids };
}

/** Called by the outbox writer; outside a collecting scope it does nothing. */
export function noteNotificationsWritten(ids: string[]): void {
  collector.getStore()?.push(...ids);
}
