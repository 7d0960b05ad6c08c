import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, demoEmail } from "@/db/seed/demo";
import { clients, users } from "@/db/schema";
import { authenticate } from "@/lib/auth/authenticate";
import { parseEnv } from "@/lib/config/env";
import { emptyDatabase } from "@/lib/testing/empty-database";
import { FIRST_ADMIN_COMMAND, firstAdminInstructions, prepareFirstRun } from "./first-run";

const production = {
  NODE_ENV: "production",
  APP_URL: "https://baton.example.com",
  RESEND_API_KEY: "re_x",
  TWILIO_ACCOUNT_SID: "AC1",
  TWILIO_AUTH_TOKEN: "t",
  TWILIO_FROM_NUMBER: "+48221234567",
};

async function userCount(handle: Awaited<ReturnType<typeof emptyDatabase>>) {
  const [row] = await handle.db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

describe("first start on an empty database", () => {
  it("in production with the default SEED_DEMO seeds nothing and asks for the first administrator", async () => {
    for (const kind of ["same-as-run", "pglite"] as const) {
      const handle = await emptyDatabase(kind);
      try {
        expect(await prepareFirstRun(handle, parseEnv(production))).toBe("first-admin-needed");
        expect(await userCount(handle)).toBe(0);
        const [c] = await handle.db.select({ n: count() }).from(clients);
        expect(c?.n).toBe(0);
      } finally {
        await handle.close();
      }
    }
    expect(firstAdminInstructions()).toContain(FIRST_ADMIN_COMMAND);
  });

  it("under `npm run dev` on the embedded database seeds the demo organisation", async () => {
    const handle = await emptyDatabase("pglite");
    try {
      expect(await prepareFirstRun(handle, parseEnv({ NODE_ENV: "development" }))).toBe("demo-seeded");
      const signIn = await authenticate(handle.db, { email: demoEmail("admin"), password: DEMO_PASSWORD, ip: null });
      expect(signIn.ok).toBe(true);
      // A second start leaves the organisation alone.
      expect(await prepareFirstRun(handle, parseEnv({ NODE_ENV: "development" }))).toBe("ready");
    } finally {
      await handle.close();
    }
  });

  it("in development on Postgres seeds nothing by default", async () => {
    const handle = await emptyDatabase();
    try {
      const expected = handle.kind === "postgres" ? "first-admin-needed" : "demo-seeded";
      expect(await prepareFirstRun(handle, parseEnv({ NODE_ENV: "development" }))).toBe(expected);
    } finally {
      await handle.close();
    }
  });

  it("seeds in production only when SEED_DEMO=always says so, and never with SEED_DEMO=never", async () => {
    const seeded = await emptyDatabase();
    const untouched = await emptyDatabase("pglite");
    try {
      expect(await prepareFirstRun(seeded, parseEnv({ ...production, SEED_DEMO: "always" }))).toBe("demo-seeded");
      expect(await userCount(seeded)).toBeGreaterThan(0);
      expect(await prepareFirstRun(untouched, parseEnv({ NODE_ENV: "development", SEED_DEMO: "never" }))).toBe("first-admin-needed");
      expect(await userCount(untouched)).toBe(0);
    } finally {
      await seeded.close();
      await untouched.close();
    }
  });
});
