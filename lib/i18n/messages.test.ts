import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { messages } from "./messages";

/**
 * The keys a JSON text gives twice in one object, as dotted paths: JSON.parse keeps the last
 * silently, so a key added where one of the same name already was would shadow it.
 */
function duplicateKeys(text: string): string[] {
  const found: string[] = [];
  const stack: { keys: Set<string>; path: string; key: string | null }[] = [];
  let i = 0;
  const readString = () => {
    let out = "";
    for (i++; i < text.length && text.charAt(i) !== '"'; i++) out += text.charAt(i) === "\\" ? text.charAt(i) + text.charAt(++i) : text.charAt(i);
    i++;
    return out;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      const value = readString();
      let j = i;
      while (/\s/.test(text[j] ?? "")) j++;
      const top = stack.at(-1);
      if (text[j] === ":" && top) {
        if (top.keys.has(value)) found.push(top.path ? `${top.path}.${value}` : value);
        top.keys.add(value);
        top.key = value;
      }
      continue;
    }
    if (c === "{") {
      const parent = stack.at(-1);
      const at = parent?.key ? (parent.path ? `${parent.path}.${parent.key}` : parent.key) : "";
      stack.push({ keys: new Set(), path: at, key: null });
    } else if (c === "}") stack.pop();
    i++;
  }
  return found;
}

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("messages", () => {
  it("has every key in both Polish and English", () => {
    const pl = keys(messages.pl).sort();
    const en = keys(messages.en).sort();
    expect(pl.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !pl.includes(k))).toEqual([]);
  });

  it("gives no key twice in one object (the first would be lost without a word)", () => {
    expect(duplicateKeys('{"a": {"b": "x", "c": "y", "b": "z"}, "d": {"b": "w"}}')).toEqual(["a.b"]);
    const dir = path.join(__dirname, "messages");
    for (const locale of readdirSync(dir)) {
      for (const file of readdirSync(path.join(dir, locale)).filter((f) => f.endsWith(".json"))) {
        expect(duplicateKeys(readFileSync(path.join(dir, locale, file), "utf8")), `${locale}/${file}`).toEqual([]);
      }
    }
  });

  it("has no empty translations", () => {
    for (const locale of ["pl", "en"] as const) {
      const empty = keys(messages[locale]).filter((k) => {
        const v = k.split(".").reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], messages[locale]);
        return typeof v === "string" && v.trim() === "";
      });
      expect(empty).toEqual([]);
    }
  });
});
