import { describe, expect, it } from "vitest";
import { messages } from "./messages";

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
