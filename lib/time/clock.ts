import { readFileSync } from "node:fs";

/**
 * The time reminders, overdue notices and escalations are measured against. In production it
 * is the system clock. An end-to-end test can move it forward without waiting: it writes an
 * offset in milliseconds to the file named by BATON_TEST_CLOCK_FILE, honoured only outside
 * production or when BATON_ALLOW_TEST_CLOCK=1 says so explicitly.
 */
export function now(): Date {
  return new Date(Date.now() + testClockOffset());
}

/**
 * The system clock, which the test clock never moves. Only for what must follow real time
 * whatever an end-to-end test does to the product's clock: sessions and sign-in limits (moving
 * reminders forward must not sign people out), and measuring how long something took.
 */
export function systemNow(): Date {
  return new Date(Date.now());
}

function testClockOffset(): number {
  const file = process.env.BATON_TEST_CLOCK_FILE;
  if (!file) return 0;
  if (process.env.NODE_ENV === "production" && process.env.BATON_ALLOW_TEST_CLOCK !== "1") return 0;
  try {
    const offset = Number(readFileSync(file, "utf8").trim());
    return Number.isFinite(offset) ? offset : 0;
  } catch {
    return 0;
  }
}
