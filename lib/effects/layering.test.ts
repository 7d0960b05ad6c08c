import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.(ts|tsx|mts|mjs)$/.test(entry.name) ? [full] : [];
  });
}

describe("lib/", () => {
  it("keeps no hidden per-request collectors: effects are passed, not stored in AsyncLocalStorage", () => {
    const offenders = sources(root)
      .filter((file) => file !== import.meta.filename)
      .filter((file) => /AsyncLocalStorage|async_hooks/.test(readFileSync(file, "utf8")));
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });
});
