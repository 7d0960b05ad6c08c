import { getDb } from "@/db";
import { dispatchMode } from "./announce";
import { deliverInline } from "./inline";
import { sweepOutbox } from "./sweep";

const INTERVAL_MS = 30_000;

/**
 * Without Inngest (the embedded laptop mode) this process sweeps the outbox itself: deliveries
 * held back by quiet hours and ones that failed are picked up every 30 seconds.
 */
export function startInlineSweep(): void {
  if (dispatchMode() !== "inline") return;
  const g = globalThis as { __batonSweep?: NodeJS.Timeout };
  if (g.__batonSweep) return;
  g.__batonSweep = setInterval(() => {
    void (async () => {
      const stale = await sweepOutbox(await getDb(), new Date(), { graceMs: INTERVAL_MS, redispatchMs: INTERVAL_MS });
      if (stale.length) await deliverInline(stale.map((s) => s.notificationId));
    })().catch((error: unknown) => console.error("[notify] outbox sweep failed", error));
  }, INTERVAL_MS);
  g.__batonSweep.unref();
}
