/**
 * `npm run db:seed -- --users 200 --tasks 100000 --clients 500 --cases 2000`
 *
 * Seeds a realistic organisation at scale into DATABASE_URL (or the embedded PGlite database
 * under .data/) next to whatever is there: every run adds its own people, tagged in their
 * e-mail addresses. Scale users sign in with the password Baton-scale-2026.
 * `--events N` adds N calendar entries in the new people's calendars (15 % private, a fifth with
 * colleagues invited), as the calendar-week benchmark seeds them. The seeded tables are vacuumed
 * and analysed at the end, as autovacuum would leave them in production, so plans and index-only
 * scans are those a live database gets.
 */
import { hash } from "@node-rs/argon2";
import { openDb } from "../index";
import { sql } from "drizzle-orm";
import { seedScale } from "../seed/scale";
import { seedScaleCalendar } from "../seed/scale-calendar";

export const SCALE_PASSWORD = "Baton-scale-2026";

function numberArg(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(args[i + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a whole number, got ${args[i + 1] ?? "nothing"}`);
  return value;
}

async function main() {
  const args = process.argv.slice(2);
  const known = new Set(["--users", "--tasks", "--clients", "--cases", "--events"]);
  const unknown = args.filter((a) => a.startsWith("--") && !known.has(a));
  if (unknown.length) throw new Error(`unknown option ${unknown.join(", ")}; use --users, --tasks, --clients, --cases (and --events)`);
  const options = {
    users: numberArg(args, "users", 200),
    tasks: numberArg(args, "tasks", 10_000),
    clients: numberArg(args, "clients", 500),
    cases: numberArg(args, "cases", 2000),
  };
  const events = numberArg(args, "events", 0);

  const handle = await openDb({ url: process.env.DATABASE_URL || undefined, migrate: true, max: 2 });
  try {
    const started = Date.now();
    const passwordHash = await hash(SCALE_PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const now = new Date();
    const result = await seedScale(handle.db, { ...options, passwordHash, now });
    const calendar = events ? await seedScaleCalendar(handle.db, { entries: events, now, emailPattern: `scale-${result.tag}-%` }) : null;
    await handle.db.execute(sql`VACUUM ANALYZE`);
    console.log(`seeded into ${handle.kind} in ${((Date.now() - started) / 1000).toFixed(1)} s:`, { ...result.counts, ...calendar });
    const head = result.heads.find((h) => h.under >= 50) ?? result.heads[0];
    if (head) console.log(`a department head with ${head.under} people under them: ${head.email} (password ${SCALE_PASSWORD})`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
