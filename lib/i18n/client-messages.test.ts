import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, pickMessages } from "./client-messages";
import { messages } from "./messages";

const ROOT = resolve(__dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? join(ROOT, specifier.slice(2)) : resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, join(base, "index.tsx"), join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every file a browser runs: the "use client" files and what they import from the project, transitively. */
function clientFiles(): string[] {
  const all = ["app", "components", "lib"].flatMap((dir) => sources(join(ROOT, dir)));
  const queue = all.filter((file) => /^\s*["']use client["']/.test(readFileSync(file, "utf8")));
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/(?:import|export)\s+(type\s+)?[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
      if (match[1]) continue; // types only: nothing runs
      const specifier = match[2] ?? match[3]!;
      if (!specifier.startsWith(".") && !specifier.startsWith("@/")) continue;
      const target = resolveImport(file, specifier);
      if (target) queue.push(target);
    }
  }
  return [...seen];
}

/** The namespaces (or, for a bare useTranslations(), the keys' parents) the client files read. */
function namespacesRead(files: string[]): Map<string, string> {
  const read = new Map<string, string>();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/useTranslations\(\s*(?:["'`]([^"'`]*)["'`])?\s*\)/g)) {
      if (match[1] === undefined) {
        // The whole catalogue: each key the file asks for, up to its last dot.
        for (const key of text.matchAll(/\bt\(\s*["'`]([^"'`$]+)/g)) read.set(key[1]!.replace(/\.[^.]*$/, ""), file);
      } else read.set(match[1], file);
    }
  }
  return read;
}

const covered = (namespace: string) => CLIENT_NAMESPACES.some((picked) => namespace === picked || namespace.startsWith(`${picked}.`));

describe("the messages the browser gets", () => {
  const files = clientFiles();
  const read = namespacesRead(files);

  it("finds the client files and what they read", () => {
    expect(files.some((f) => f.endsWith("notification-bell.tsx"))).toBe(true);
    // Not a "use client" file, but client files import it (a shared component reading messages would be found there too).
    expect(files.some((f) => f.endsWith("components/ui/field.tsx"))).toBe(true);
    expect(read.get("tasks.filters")).toMatch(/task-filters\.tsx$/);
    expect(read.has("inbox.channel")).toBe(true);
  });

  it("hold every namespace a client component reads", () => {
    const missing = [...read].filter(([namespace]) => !covered(namespace)).map(([namespace, file]) => `${namespace} (${file.slice(ROOT.length + 1)})`);
    expect(missing).toEqual([]);
  });

  it("name only namespaces that exist, in both languages", () => {
    for (const locale of ["pl", "en"] as const) {
      const picked = pickMessages(messages[locale], CLIENT_NAMESPACES);
      for (const namespace of CLIENT_NAMESPACES) {
        const value = namespace.split(".").reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], picked);
        expect(value, `${locale}: ${namespace}`).toBeTypeOf("object");
      }
    }
  });

  it("leave the server's texts out", () => {
    const picked = pickMessages(messages.pl, CLIENT_NAMESPACES) as Record<string, Record<string, unknown>>;
    expect(picked.sms).toEqual({ admin: messages.pl.sms.admin });
    expect(picked.errors).toBeUndefined();
    expect(picked.reminders!.notice).toBeUndefined();
    expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(messages.pl).length * 0.85);
  });
});
