import { count } from "drizzle-orm";
import type { DbHandle } from "@/db";
import { seedDemo, DEMO_PASSWORD } from "@/db/seed/demo";
import { users } from "@/db/schema";
import type { Env } from "@/lib/config/env";
import { hashPassword } from "@/lib/auth/password";

/** The command an operator runs to create the first administrator (see README, production). */
export const FIRST_ADMIN_COMMAND = 'npm run admin:create -- --email you@example.com --name "Your Name"';

/**
 * Whether an empty database gets the demo organisation, whose admin password is printed in the
 * README. "auto" means only where a person is trying Baton out: `npm run dev` on the embedded
 * database. Anywhere else it takes SEED_DEMO=always.
 */
export function demoSeedWanted(config: Pick<Env, "SEED_DEMO" | "NODE_ENV">, databaseKind: DbHandle["kind"]): boolean {
  if (config.SEED_DEMO === "always") return true;
  if (config.SEED_DEMO === "never") return false;
  return config.NODE_ENV === "development" && databaseKind === "pglite";
}

export type FirstRun = "demo-seeded" | "first-admin-needed" | "ready";

/** Seeds the demo organisation where wanted; otherwise reports a database nobody can sign in to. */
export async function prepareFirstRun(handle: DbHandle, config: Pick<Env, "SEED_DEMO" | "NODE_ENV">): Promise<FirstRun> {
  if (demoSeedWanted(config, handle.kind) && (await seedDemo(handle.db, await hashPassword(DEMO_PASSWORD)))) return "demo-seeded";
  const [row] = await handle.db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0 ? "first-admin-needed" : "ready";
}

export function firstAdminInstructions(): string {
  return [
    "[baton] the database has no users yet. Create the first administrator with:",
    `[baton]   ${FIRST_ADMIN_COMMAND}`,
    "[baton] (same DATABASE_URL as the app; it asks for the password, or reads it with --password-stdin or BATON_ADMIN_PASSWORD)",
  ].join("\n");
}
