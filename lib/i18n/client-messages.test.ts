import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, pickMessages, SECTION_NAMESPACES, SHELL_NAMESPACES, type MessageSection } from "./client-messages";
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

const IMPORT = /(?:import|export)\s+(type\s+)?[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** The project files `file` imports for their values (type-only imports run nothing). */
function importsOf(file: string): string[] {
  const found: string[] = [];
  for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
    if (match[1]) continue;
    const specifier = match[2] ?? match[3]!;
    if (!specifier.startsWith(".") && !specifier.startsWith("@/")) continue;
    const target = resolveImport(file, specifier);
    if (target) found.push(target);
  }
  return found;
}

/** `roots` and every project file they import, transitively; `follow` decides whose imports are followed. */
function closure(roots: string[], follow: (file: string) => boolean = () => true): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (follow(file)) queue.push(...importsOf(file));
  }
  return seen;
}

const isClient = (file: string) => /^\s*["']use client["']/.test(readFileSync(file, "utf8"));

/** Every file a browser runs among what `files` reach: the "use client" files and what they import, transitively. */
function clientFilesOf(files: Iterable<string>): string[] {
  return [...closure([...files].filter(isClient))];
}

/** Every file a browser runs: the "use client" files and what they import from the project, transitively. */
function clientFiles(): string[] {
  return clientFilesOf(["app", "components", "lib"].flatMap((dir) => sources(join(ROOT, dir))));
}

/** The app's sections: each layout that renders <SectionMessages section="x"> and the directory it wraps. */
function sections(): { section: string; dir: string }[] {
  return sources(join(ROOT, "app"))
    .filter((file) => file.endsWith("/layout.tsx"))
    .flatMap((file) => {
      const match = /<SectionMessages\s+section="(\w+)"/.exec(readFileSync(file, "utf8"));
      return match ? [{ section: match[1]!, dir: dirname(file) }] : [];
    });
}

/** Helpers that take a translator, and the key prefix they read through it. */
const HELPERS: Record<string, string> = { offsetLabel: "offset" };

/**
 * What the client files read, as message paths: for each `const t = useTranslations("ns")`, every
 * key t is called with ("ns.key", or the literal part of a template key up to its last dot:
 * t(`status.${s}`) reads "ns.status"); a t used any other way (passed on, called with a variable)
 * reads its whole namespace. Each path maps to a file that reads it.
 */
function pathsRead(files: string[]): Map<string, string> {
  const read = new Map<string, string>();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const hook of text.matchAll(/(?:const|let)\s+(\w+)\s*=\s*useTranslations\(\s*(?:["'`]([^"'`]*)["'`])?\s*\)/g)) {
      const [, name, namespace = ""] = hook;
      const join = (key: string) => (namespace ? `${namespace}.${key}` : key);
      let whole = false;
      for (const use of text.matchAll(
        new RegExp(`\\b${name}\\b(?!\\s*=\\s*useTranslations)(\\.(?:rich|markup|has))?(\\s*\\(\\s*(?:"([^"]+)"|'([^']+)'|\`([^\`$]*)(\\$\\{)?))?`, "g"),
      )) {
        const literal = use[3] ?? use[4] ?? use[5];
        if (literal === undefined) {
          // Not a call with a key written out (passed on, or called with a variable): the whole namespace may be
          // read, unless it goes to a helper whose keys are known.
          if (!/^\w+(?:\.\w+)?\s*(?:[,)}\]]|\(\s*[\w{])/.test(text.slice(use.index, use.index + 40))) continue;
          const helper = Object.entries(HELPERS).find(([fn]) => text.slice(0, use.index).trimEnd().endsWith(`${fn}(`));
          if (helper) read.set(join(helper[1]), file);
          else whole = true;
          continue;
        }
        // A template key is known up to its last dot before the interpolation.
        read.set(join(use[6] ? literal.replace(/\.?[^.]*$/, "") : literal).replace(/\.$/, ""), file);
      }
      if (whole) read.set(namespace, file);
    }
  }
  read.delete("");
  return read;
}

const coveredBy = (namespaces: readonly string[]) => (path: string) => namespaces.some((picked) => path === picked || path.startsWith(`${picked}.`));

describe("the messages the browser gets", () => {
  const files = clientFiles();
  const read = pathsRead(files);
  const found = sections();

  it("finds the client files and what they read", () => {
    expect(files.some((f) => f.endsWith("notification-bell.tsx"))).toBe(true);
    // Not a "use client" file, but client files import it (a shared component reading messages would be found there too).
    expect(files.some((f) => f.endsWith("components/ui/field.tsx"))).toBe(true);
    expect(read.get("tasks.filters.anyone")).toMatch(/task-filters\.tsx$/);
    // A bare useTranslations() with a template key: known up to the interpolation.
    expect(read.get("inbox.channel")).toMatch(/matrix-editor\.tsx$/);
    expect(read.has("common.priority")).toBe(true);
    expect(found.map((s) => s.section).sort()).toEqual(expect.arrayContaining(["admin", "auth", "calendar", "settings", "tasks"]));
  });

  it("every section's layout hands over a known section, and every known section has a layout", () => {
    for (const { section } of found) expect(Object.keys(SECTION_NAMESPACES)).toContain(section);
    for (const section of Object.keys(SECTION_NAMESPACES)) expect(found.map((s) => s.section)).toContain(section);
  });

  it("give every page the messages its client components read: the shell's, and its section's", () => {
    const inside = (file: string, dir: string) => file.startsWith(`${dir}/`);
    const missing: string[] = [];
    // Pages outside every section (the shell, 404 and 403 pages, redirects) get the shell's messages only.
    const outside = sources(join(ROOT, "app")).filter((file) => !found.some(({ dir }) => inside(file, dir)));
    const parts: { name: string; roots: string[]; namespaces: readonly string[] }[] = [
      { name: "shell", roots: outside, namespaces: SHELL_NAMESPACES },
      ...found.map(({ section, dir }) => ({
        name: section,
        roots: sources(dir),
        namespaces: [...SHELL_NAMESPACES, ...SECTION_NAMESPACES[section as MessageSection]],
      })),
    ];
    const unread: string[] = [];
    for (const { name, roots, namespaces } of parts) {
      const covered = coveredBy(namespaces);
      const paths = pathsRead(clientFilesOf(closure(roots)));
      for (const [path, file] of paths) {
        if (!covered(path)) missing.push(`${name}: ${path} (${file.slice(ROOT.length + 1)})`);
      }
      // And nothing more: a namespace no client file of the part reads only weighs down its pages.
      const own = name === "shell" ? SHELL_NAMESPACES : SECTION_NAMESPACES[name as MessageSection];
      for (const namespace of own) {
        const used = [...paths.keys()].some((path) => coveredBy([namespace])(path) || namespace.startsWith(`${path}.`));
        if (!used) unread.push(`${name}: ${namespace}`);
      }
    }
    expect(missing).toEqual([]);
    expect(unread).toEqual([]);
  });

  it("hand each section much less than every client message", () => {
    const size = (namespaces: readonly string[]) => JSON.stringify(pickMessages(messages.pl, namespaces)).length;
    const all = size(CLIENT_NAMESPACES);
    for (const section of Object.keys(SECTION_NAMESPACES) as MessageSection[]) {
      expect(size([...SHELL_NAMESPACES, ...SECTION_NAMESPACES[section]]), section).toBeLessThan(all * 0.5);
    }
  });

  it("hold messages that exist, in both languages", () => {
    // A path read (a key or a namespace a template key runs through) must be in the picked catalogue.
    for (const locale of ["pl", "en"] as const) {
      const picked = pickMessages(messages[locale], CLIENT_NAMESPACES);
      const absent = [...read.keys()].filter(
        (path) => path.split(".").reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], picked) === undefined,
      );
      expect(absent, locale).toEqual([]);
    }
  });

  it("name only namespaces that exist, in both languages", () => {
    for (const locale of ["pl", "en"] as const) {
      const picked = pickMessages(messages[locale], CLIENT_NAMESPACES);
      for (const namespace of CLIENT_NAMESPACES) {
        const value = namespace.split(".").reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], picked);
        expect(value, `${locale}: ${namespace}`).toBeDefined();
      }
    }
  });

  it("leave the server's texts out", () => {
    const picked = pickMessages(messages.pl, CLIENT_NAMESPACES) as Record<string, Record<string, unknown>>;
    expect(picked.sms).toEqual({ admin: messages.pl.sms.admin });
    expect(picked.errors).toBeUndefined();
    expect(picked.reminders!.notice).toBeUndefined();
    expect(picked.tasks!.errors).toBeUndefined();
    expect(picked.tasks!.detail).toEqual({ reminderBefore: messages.pl.tasks.detail.reminderBefore });
    expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(messages.pl).length * 0.6);
  });
});
