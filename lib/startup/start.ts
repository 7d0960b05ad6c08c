import { getDbHandle } from "@/db";
import { env, jobEngine } from "@/lib/config/env";
import { setDispatcher, type Dispatcher } from "@/lib/effects";
import { startInProcessEngine } from "@/lib/jobs/in-process";
import { channelDelivery } from "@/lib/notify/deployment-channels";
import { firstAdminInstructions, prepareFirstRun } from "./first-run";

/**
 * Runs once when a server process starts: validates the configuration (failing loudly with the
 * names of bad variables), opens the database, applies migrations and seeds the demo
 * organisation into an empty database where SEED_DEMO says so (see first-run.ts); an empty
 * database without demo data gets the instructions for creating the first administrator.
 * It also chooses the job engine once: the Inngest one it is given (lib/ never imports
 * inngest/) when Inngest is configured, otherwise the in-process engine.
 */
export async function startApp(engines: { inngest: () => Promise<Dispatcher> }): Promise<void> {
  const config = env();
  const handle = await getDbHandle();
  const firstRun = await prepareFirstRun(handle, config);
  if (firstRun === "demo-seeded") console.log(`[baton] demo organisation created (${handle.kind}); see README for the accounts`);
  if (firstRun === "first-admin-needed") console.log(firstAdminInstructions());
  const engine = jobEngine(config);
  if (engine === "inngest") setDispatcher(await engines.inngest());
  else startInProcessEngine();
  console.log(`[baton] notifications: ${engine === "in-process" ? "delivered in this process (no Inngest configured)" : "through Inngest"}`);
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
