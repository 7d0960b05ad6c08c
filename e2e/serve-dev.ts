/**
 * Starts `npm run dev` (node server.mjs --dev) for the dev-server feed test, on a database of its
 * own: a new Postgres database next to DATABASE_URL when it is set (CI), otherwise a new PGlite
 * folder under .data/. Before the server starts, this process migrates it, seeds the demo
 * organisation (prepareFirstRun, what the server itself does on an empty database) and creates a
 * feed of the sales director's calendar through the real command (createFeed), writing its token
 * where the test reads it: PGlite is one process's, so nothing is written while the server runs.
 * The dev build goes to .next/dev (Next 16's own place for it, apart from `next build`'s output).
 * On SIGTERM everything it made is removed: the database, the token file, and .next/dev when
 * this run created it. A developer's `npm run dev` running in the same folder makes Next refuse
 * a second dev server: stop it first.
 */
import { spawn } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openDb } from "../db";
import { DEMO_USERS, demoEmail } from "../db/seed/demo";
import { loadViewer } from "../lib/auth/viewer";
import { runUnit } from "../lib/effects/unit";
import { createFeed } from "../lib/feeds/commands";
import { parseEnv } from "../lib/config/env";
import { prepareFirstRun } from "../lib/startup/first-run";
import { createFreshDatabase } from "../lib/testing/fresh-database";
import { users } from "../db/schema";
import { eq } from "drizzle-orm";
import { DEV_BUILD_DIR, devFeedLeakFile, devFeedTokenFile, devPort } from "./dev-feed-config";

async function main() {
  const port = devPort();
  const tokenFile = devFeedTokenFile(port);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: port,
    APP_URL: `http://localhost:${port}`,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-0123456789",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  let dropDatabase = async () => {};
  let url: string | undefined;
  if (process.env.DATABASE_URL) {
    const fresh = await createFreshDatabase(process.env.DATABASE_URL, "baton_e2e_dev");
    env.DATABASE_URL = url = fresh.url;
    dropDatabase = fresh.drop;
  } else {
    const dir = path.join(process.cwd(), ".data", `e2e-dev-${Date.now()}`);
    env.PGLITE_DIR = dir;
    dropDatabase = async () => rmSync(dir, { recursive: true, force: true });
  }
  // A developer's own dev build (and its cache) is left alone; one this run made is removed.
  const devBuild = path.join(process.cwd(), DEV_BUILD_DIR);
  const ownDevBuild = !existsSync(devBuild);
  const cleanup = async () => {
    rmSync(tokenFile, { force: true });
    rmSync(devFeedLeakFile(port), { force: true });
    if (ownDevBuild) rmSync(devBuild, { recursive: true, force: true });
    await dropDatabase().catch(() => {});
  };

  let token = "";
  try {
    const handle = await openDb({ url, dataDir: env.PGLITE_DIR, migrate: true, max: 2 });
    try {
      const seeded = await prepareFirstRun(handle, parseEnv({ NODE_ENV: "development", SEED_DEMO: "always" }));
      if (seeded !== "demo-seeded") throw new Error(`the demo organisation was not seeded (${seeded})`);
      const director = DEMO_USERS.find((u) => u.key === "salesdir")!;
      const [row] = await handle.db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, demoEmail(director.key)));
      const viewer = (await loadViewer(handle.db, row!.id))!;
      const issued = await runUnit(handle.db, viewer, (work) =>
        createFeed(work, { kind: "own", targetId: null, name: "Dev feed", includeTasks: true, daysBack: 30, daysAhead: 365 }),
      );
      token = issued.token;
      writeFileSync(tokenFile, JSON.stringify({ token }), { mode: 0o600 });
    } finally {
      await handle.close();
    }
  } catch (error) {
    await cleanup();
    throw error;
  }

  // The server's output passes through here so a token in it (a logged feed path) is noticed.
  const child = spawn(process.execPath, ["server.mjs", "--dev", "-p", port], { env, stdio: ["ignore", "pipe", "pipe"] });
  const watch = (from: NodeJS.ReadableStream, to: NodeJS.WriteStream) =>
    from.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      if (text.includes(token)) writeFileSync(devFeedLeakFile(port), "the token appeared in the server's output\n");
      to.write(text.split(token).join("<token>"));
    });
  watch(child.stdout!, process.stdout);
  watch(child.stderr!, process.stderr);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    child.kill("SIGTERM");
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        resolve();
      }, 10_000);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
    });
    await cleanup();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  child.on("exit", (code) => {
    if (stopping) return;
    void cleanup().then(() => process.exit(code ?? 1));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
