import { defineConfig } from "@playwright/test";

/**
 * The feed read over HTTP from `npm run dev` (the "Done when"): a server started as a
 * developer starts it, on its own port, database and build folder (e2e/serve-dev.ts). No browser:
 * a calendar app is a plain HTTP client. `npm test` runs it after the main e2e suite.
 */
export default defineConfig({
  testDir: "e2e",
  testMatch: /dev-server-feed\.check\.ts$/,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  // The first request compiles the route in the dev server.
  timeout: 90_000,
  reporter: [["list"]],
  webServer: {
    command: "node --import tsx e2e/serve-dev.ts",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    // Ready once it listens: waiting on a URL would compile a route the test does not need.
    wait: { stdout: /listening on http:\/\/localhost:\d+/ },
    // A ceiling for a loaded machine: on an idle 2-core one the server listens well within a minute.
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
