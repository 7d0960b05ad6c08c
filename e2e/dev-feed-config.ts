import { tmpdir } from "node:os";
import path from "node:path";

// Shared by playwright.dev.config.ts, e2e/serve-dev.ts and the dev-server feed test.

/**
 * Where the dev server builds: Next 16 puts a dev build under <distDir>/dev (next/dist/server/config.js
 * joins "dev" for the development phase), so `next build`'s .next and this never overwrite each
 * other. Not a distDir of its own: Next would rewrite tsconfig.json to include its types.
 */
export const DEV_BUILD_DIR = ".next/dev";

/** The dev server's port: E2E_DEV_PORT, else 100 above the main e2e port. */
export function devPort(): string {
  return process.env.E2E_DEV_PORT ?? String(Number(process.env.E2E_PORT ?? "3100") + 100);
}

/** Where the feed's token waits for the test (only this run's server knows it). */
export function devFeedTokenFile(port: string): string {
  return path.join(tmpdir(), `baton-e2e-dev-feed-${port}.json`);
}

/** Written by serve-dev.ts if the token ever shows in the server's output (the test fails on it). */
export function devFeedLeakFile(port: string): string {
  return `${devFeedTokenFile(port)}.leaked`;
}
