/**
 * `npm run bench -- <name> [args]`: runs bench/<name>.ts against the database DATABASE_URL names
 * (a fresh, migrated PGlite database when unset) and ends with one JSON line of its figures.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDb } from "../db";
import type { Benchmark } from "./context";

async function main() {
  const [name, ...args] = process.argv.slice(2);
  const available = readdirSync(import.meta.dirname)
    .filter((f) => f.endsWith(".ts") && !["run.ts", "context.ts", "measure.ts"].includes(f) && !f.endsWith(".test.ts"))
    .map((f) => f.replace(/\.ts$/, ""));
  if (!name || !/^[a-z0-9-]+$/.test(name) || !existsSync(path.join(import.meta.dirname, `${name}.ts`))) {
    console.error(`usage: npm run bench -- <name>\navailable: ${available.join(", ") || "(none yet)"}`);
    process.exit(2);
  }
  const url = process.env.DATABASE_URL || undefined;
  const tmp = url ? undefined : mkdtempSync(path.join(tmpdir(), "baton-bench-"));
  const handle = await openDb({ url, dataDir: tmp, migrate: true, max: 4 });
  try {
    const mod = (await import(`./${name}.ts`)) as { default: Benchmark };
    const figures = await mod.default({ handle, args, log: (line) => console.log(line) });
    console.log(JSON.stringify({ bench: name, engine: handle.kind, at: new Date().toISOString(), ...figures }));
  } finally {
    await handle.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
