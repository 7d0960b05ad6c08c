import { describe, expect, it } from "vitest";
import { demoSeedWanted } from "./first-run";

describe("demoSeedWanted", () => {
  it("auto seeds only `npm run dev` on the embedded database", () => {
    expect(demoSeedWanted({ SEED_DEMO: "auto", NODE_ENV: "development" }, "pglite")).toBe(true);
    expect(demoSeedWanted({ SEED_DEMO: "auto", NODE_ENV: "development" }, "postgres")).toBe(false);
    expect(demoSeedWanted({ SEED_DEMO: "auto", NODE_ENV: "production" }, "pglite")).toBe(false);
    expect(demoSeedWanted({ SEED_DEMO: "auto", NODE_ENV: "production" }, "postgres")).toBe(false);
    expect(demoSeedWanted({ SEED_DEMO: "auto", NODE_ENV: "test" }, "pglite")).toBe(false);
  });
  it("always and never mean what they say in every mode", () => {
    expect(demoSeedWanted({ SEED_DEMO: "always", NODE_ENV: "production" }, "postgres")).toBe(true);
    expect(demoSeedWanted({ SEED_DEMO: "never", NODE_ENV: "development" }, "pglite")).toBe(false);
  });
});
