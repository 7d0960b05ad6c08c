/**
 * Starts the built app for the e2e suite on a fresh database: a new Postgres database next to
 * DATABASE_URL when it is set (CI), otherwise a new PGlite folder. It runs as production does
 * (`next start`), so the demo organisation is seeded only because SEED_DEMO=always says so, and
 * e-mail and SMS go through the real Resend and Twilio SDKs to local fake providers started in
 * this process (the specs read what they accepted: see sentMessages in support.ts).
 */
import { spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startFakeProviders } from "../lib/testing/fake-providers";
import { createFreshDatabase } from "../lib/testing/fresh-database";

async function main() {
  const port = process.env.E2E_PORT ?? "3100";
  const fake = await startFakeProviders({ port: Number(fakeProvidersPort(port)) });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: port,
    APP_URL: `http://localhost:${port}`,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-0123456789",
    SEED_DEMO: "always",
    RESEND_API_KEY: "re_e2e_fake",
    RESEND_BASE_URL: fake.url,
    // Replies to invitations: Resend's signed webhook (the specs sign with this), then its receiving API (the fake).
    RESEND_WEBHOOK_SECRET: E2E_WEBHOOK_SECRET,
    // Invitations go by SMTP (Resend's relay in production): here to the fake providers' SMTP server.
    SMTP_URL: fake.smtpUrl,
    TWILIO_ACCOUNT_SID: "AC00000000000000000000000000000000",
    TWILIO_AUTH_TOKEN: "e2e-fake-token",
    TWILIO_FROM_NUMBER: "+48221234567",
    TWILIO_BASE_URL: fake.url,
    // A clock the reminders spec moves forward (see e2e/reminders.spec.ts), and a reconcile
    // that runs every second so moved time takes effect at once.
    BATON_TEST_CLOCK_FILE: testClockFile(port),
    BATON_ALLOW_TEST_CLOCK: "1",
    RECONCILE_INTERVAL_MS: process.env.RECONCILE_INTERVAL_MS ?? "1000",
  };
  writeFileSync(env.BATON_TEST_CLOCK_FILE!, "0");
  let cleanup = async () => {};
  if (process.env.DATABASE_URL) {
    const fresh = await createFreshDatabase(process.env.DATABASE_URL, "baton_e2e");
    env.DATABASE_URL = fresh.url;
    cleanup = fresh.drop;
  } else {
    const dir = path.join(process.cwd(), ".data", `e2e-${Date.now()}`);
    env.PGLITE_DIR = dir;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const stopFake = async () => fake.close().catch(() => {});
  const child = spawn(process.execPath, ["server.mjs", "-p", port], { env, stdio: "inherit" });
  const stop = async () => {
    child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await cleanup().catch(() => {});
    await stopFake();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  child.on("exit", async (code) => {
    await cleanup().catch(() => {});
    await stopFake();
    process.exit(code ?? 0);
  });
}

/** The e2e server's Resend webhook secret (svix's `whsec_` and base64 bytes): a fixed test value. */
export const E2E_WEBHOOK_SECRET = `whsec_${Buffer.from("baton-e2e-webhook-secret-0123").toString("base64")}`;

/** Where the e2e server reads its test clock offset (milliseconds); the specs write it. */
export function testClockFile(port: string): string {
  return process.env.BATON_TEST_CLOCK_FILE ?? path.join(tmpdir(), `baton-e2e-clock-${port}`);
}

/** The fake Resend/Twilio server sits 1000 ports above the app, so parallel suites do not collide. */
export function fakeProvidersPort(port: string): string {
  return String(Number(port) + 1000);
}

if (process.argv[1]?.endsWith("serve.ts")) void main();
