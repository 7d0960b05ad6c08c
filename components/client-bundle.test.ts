import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// What the browser downloads is every "use client" module and all it imports (server actions
// excepted: the browser gets references to them). Two packages must stay out of it:
// - zod (about 33 KB gzip): it would weigh on every page's first load (the Delegated page's goal
//   is 200 KB), and in the browser it probes `new Function`, which the CSP reports as a violation.
//   Browser code takes its constants from zod-free files (lib/org/vocabulary.ts and the like).
// - the database layer, which has no business in a browser at all.
const ROOT = path.resolve(import.meta.dirname, "..");
const FORBIDDEN = ["zod", "drizzle-orm", "postgres", "@electric-sql/pglite"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

function directive(source: string): string | undefined {
  return /^\s*["'](use client|use server)["']/.exec(source)?.[1];
}

/** Module specifiers a file imports at run time (`import type` and `export type` are erased). */
function runtimeImports(source: string): string[] {
  const code = source.replace(/^(?:import|export) type [^;]*;/gms, "");
  return [...code.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/g), ...code.matchAll(/(?:^|\n)\s*import\s+["']([^"']+)["']/g)].map(
    (m) => m[1]!,
  );
}

function resolveLocal(specifier: string, from: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Each forbidden package a client module reaches, with the chain of files that leads there. */
function forbiddenReached(entry: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>([entry]);
  const walk = (file: string, chain: string[]) => {
    for (const specifier of runtimeImports(readFileSync(file, "utf8"))) {
      const local = resolveLocal(specifier, file);
      if (!local) {
        if (FORBIDDEN.some((p) => specifier === p || specifier.startsWith(`${p}/`))) found.push([...chain, specifier].join(" -> "));
        continue;
      }
      if (seen.has(local) || directive(readFileSync(local, "utf8")) === "use server") continue;
      seen.add(local);
      walk(local, [...chain, path.relative(ROOT, local)]);
    }
  };
  walk(entry, [path.relative(ROOT, entry)]);
  return found;
}

describe("the browser's bundles", () => {
  const clientModules = ["app", "components"]
    .flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
    .filter((f) => directive(readFileSync(f, "utf8")) === "use client");

  it("finds the client modules it checks", () => {
    expect(clientModules.length).toBeGreaterThan(20);
    expect(clientModules.map((f) => path.relative(ROOT, f))).toContain("components/ui/search-picker.tsx");
  });

  it("never include zod or the database layer", () => {
    expect(clientModules.flatMap(forbiddenReached)).toEqual([]);
  });
});
