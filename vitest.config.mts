import path from "node:path";
import { defineConfig } from "vitest/config";
import { TEST_WORKERS } from "./lib/testing/workers";

const alias = { "@": path.resolve(import.meta.dirname) };

// Server code must never depend on the process time zone. Every test runs under a zone far west
// of UTC, and the files that hold zone logic run again under one far east of it, so a Date read
// in the process zone fails one of the two runs.
const WEST = "America/New_York";
const EAST = "Asia/Tokyo";
const zoneUnitTests = [
  "lib/time/**/*.test.ts",
  "lib/reminders/**/*.test.ts",
  "lib/tasks/due-window.test.ts",
  "lib/tasks/repeat-rule.test.ts",
  "lib/i18n/format-for.test.ts",
  "lib/notify/routing.test.ts",
  "lib/notify/compose.test.ts",
  "lib/notify/registry.test.ts",
  "lib/notify/compose-date-format.test.ts",
  "lib/notify/sms-segments.test.ts",
  "lib/crm/notice-kinds.test.ts",
  "lib/calendar/**/*.test.ts",
  "lib/resources/**/*.test.ts",
  "lib/feeds/**/*.test.ts",
  "db/seed/**/*.test.ts",
  "components/calendar/lanes/*.test.ts",
];
const zoneIntegrationTests = [
  "lib/reminders/**/*.int.test.ts",
  "lib/tasks/lists.int.test.ts",
  "lib/tasks/create.int.test.ts",
  "lib/tasks/repeat.int.test.ts",
  "lib/crm/cases.int.test.ts",
  "lib/crm/case-history.int.test.ts",
  "lib/calendar/**/*.int.test.ts",
  "lib/resources/**/*.int.test.ts",
  "lib/feeds/**/*.int.test.ts",
];

const unit = (name: string, include: string[], timeZone: string) => ({
  resolve: { alias },
  test: { name, environment: "node" as const, include, exclude: ["**/*.int.test.ts", "node_modules/**"], env: { TZ: timeZone } },
});
const integration = (name: string, include: string[], timeZone: string) => ({
  resolve: { alias },
  test: {
    name,
    environment: "node" as const,
    include,
    exclude: ["node_modules/**", ".next/**"],
    globalSetup: ["lib/testing/global-setup.ts"],
    setupFiles: ["lib/testing/integration-setup.ts"],
    env: { TZ: timeZone },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  resolve: { alias },
  test: {
    maxWorkers: TEST_WORKERS,
    projects: [
      unit("unit", ["lib/**/*.test.ts", "components/**/*.test.{ts,tsx}", "db/**/*.test.ts", "inngest/**/*.test.ts"], WEST),
      unit("unit-tokyo", zoneUnitTests, EAST),
      integration("integration", ["**/*.int.test.ts"], WEST),
      integration("integration-tokyo", zoneIntegrationTests, EAST),
    ],
  },
});
