import { getDbHandle } from "@/db";
import { env } from "@/lib/config/env";
import { dispatchMode } from "@/lib/notify/announce";
import { channelDelivery } from "@/lib/notify/deployment-channels";
import { startInlineSweep } from "@/lib/notify/inline-sweep";
import { startInlineReconcile } from "@/lib/reminders/inline-reconcile";
import { firstAdminInstructions, prepareFirstRun } from "./first-run";

/**
 * Runs once when a server process starts: validates the configuration (failing loudly with the
 * names of bad variables), opens the database, applies migrations and seeds the demo
 * organisation into an empty database where SEED_DEMO says so (see first-run.ts); an empty
 * database without demo data gets the instructions for creating the first administrator.
 */
export async function startApp(): Promise<void> {
  const config = env();
  const handle = await getDbHandle();
  const firstRun = await prepareFirstRun(handle, config);
  if (firstRun === "demo-seeded") console.log(`[baton] demo organisation created (${handle.kind}); see README for the accounts`);
  if (firstRun === "first-admin-needed") console.log(firstAdminInstructions());
  startInlineSweep();
  startInlineReconcile();
  console.log(`[baton] notifications: ${dispatchMode() === "inline" ? "delivered in this process (no Inngest configured)" : "through Inngest"}`);
  const delivery = channelDelivery(config);
  console.log(`[baton] e-mail: ${describeDelivery(delivery.email, "Resend")}; SMS: ${describeDelivery(delivery.sms, "Twilio")}`);
  console.log(`[baton] database ready (${handle.kind === "pglite" ? "embedded PGlite under .data/" : "Postgres"})`);
}

function describeDelivery(delivery: "provider" | "mailbox" | "disabled", provider: string): string {
  return delivery === "provider"
    ? `through ${provider}`
    : delivery === "mailbox"
      ? "captured in the development mailbox (/dev/mailbox)"
      : "disabled on this deployment";
}
