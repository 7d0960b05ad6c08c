import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { now } from "./clock";

const file = path.join(mkdtempSync(path.join(tmpdir(), "clock-")), "offset");

afterEach(() => vi.unstubAllEnvs());

describe("now", () => {
  it("is the system time without a test clock", () => {
    vi.stubEnv("BATON_TEST_CLOCK_FILE", "");
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it("moves by the offset in the test clock file, re-read on every call", () => {
    vi.stubEnv("BATON_TEST_CLOCK_FILE", file);
    writeFileSync(file, String(3_600_000));
    expect(now().getTime() - Date.now()).toBeGreaterThan(3_599_000);
    writeFileSync(file, "0");
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it("ignores the file in production unless explicitly allowed", () => {
    vi.stubEnv("BATON_TEST_CLOCK_FILE", file);
    vi.stubEnv("NODE_ENV", "production");
    writeFileSync(file, String(3_600_000));
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
    vi.stubEnv("BATON_ALLOW_TEST_CLOCK", "1");
    expect(now().getTime() - Date.now()).toBeGreaterThan(3_599_000);
  });
});
