import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? "3100");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * The suite runs as two halves at once, each on its own server, database and fake providers
 * (ports E2E_PORT and E2E_PORT + 1), so the specs that move the server's clock or change demo
 * people's settings still have their server to themselves, while the 2-core CI machine, which
 * sat half idle on one browser, runs in about half the time. The specs listed here form the
 * second half (chosen by their measured durations); a new spec joins the first.
 */
const SECOND_HALF = [
  "a11y.spec.ts",
  "admin.spec.ts",
  "calendar-privacy.spec.ts",
  "case-assign.spec.ts",
  "invitation-links.spec.ts",
  "password-reset.spec.ts",
  "resources.spec.ts",
  "subtasks.spec.ts",
  "task-board.spec.ts",
  "task-page.spec.ts",
].map((file) => `**/${file}`);

const chromiumUse = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: chromium,
    args: [
      "--no-sandbox",
      "--disable-dev-shm-usage",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  },
};

function server(appPort: number) {
  return {
    // Plain node (no npx wrapper) and a graceful stop, so serve.ts can drop its database.
    command: "node --import tsx e2e/serve.ts",
    env: { E2E_PORT: String(appPort) },
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 15_000 },
    url: `http://localhost:${appPort}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
  };
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "pl-PL",
    timezoneId: "Europe/Warsaw",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: SECOND_HALF,
      workers: 1,
      use: { ...chromiumUse, baseURL: `http://localhost:${port}` },
    },
    {
      name: "chromium-2",
      testMatch: SECOND_HALF,
      workers: 1,
      use: { ...chromiumUse, baseURL: `http://localhost:${port + 1}` },
    },
  ],
  webServer: [server(port), server(port + 1)],
});
