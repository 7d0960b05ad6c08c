import { getDbHandle } from "@/db";
import { seedDemo, DEMO_PASSWORD } from "@/db/seed/demo";
import { env } from "@/lib/config/env";
import { hashPassword } from "@/lib/auth/password";
import { dispatchMode } from "@/lib/notify/announce";
import { startInlineSweep } from "@/lib/notify/inline-sweep";
import { startInlineReconcile } from "@/lib/reminders/inline-reconcile";

/**
 * Runs once when a server process starts: validates the configuration (failing loudly with the
 * names of bad variables), opens the database, applies migrations and seeds the demo
 * organisation into an empty database unless SEED_DEMO=never.
 */
export async function startApp(): Promise<void> {
  const config = env();
  const handle = await getDbHandle();
  if (config.SEED_DEMO === "auto") {
    const seeded = await seedDemo(handle.db, await hashPassword(DEMO_PASSWORD));
    if (seeded) console.log(`[baton] demo organisation created (${handle.kind}); see README for the accounts`);
  }
  startInlineSweep();
  startInlineReconcile();
  console.log(`[baton] notifications: ${dispatchMode() === "inline" ? "delivered in this process (no Inngest configured)" : "through Inngest"}`);
  console.log(`[baton] database ready (${handle.kind === "pglite" ? "embedded PGlite under .data/" : "Postgres"})`);
}
