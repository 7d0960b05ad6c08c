import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./locale";

describe("localeFromAcceptLanguage", () => {
  it("picks the highest-ranked supported language", () => {
    expect(localeFromAcceptLanguage("de-DE,de;q=0.9,en;q=0.8,pl;q=0.7")).toBe("en");
    expect(localeFromAcceptLanguage("pl-PL,pl;q=0.9,en-US;q=0.8")).toBe("pl");
    expect(localeFromAcceptLanguage("en;q=0.2, pl;q=0.9")).toBe("pl");
  });
  it("returns undefined when nothing matches", () => {
    expect(localeFromAcceptLanguage("de,fr")).toBeUndefined();
    expect(localeFromAcceptLanguage(null)).toBeUndefined();
  });
});
