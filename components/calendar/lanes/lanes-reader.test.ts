import { describe, expect, it } from "vitest";
import { hourLabel, lanesReaderOf, rangeLabel } from "./lanes-reader";

describe("how the viewer reads the lanes", () => {
  it("starts the week on Monday in Polish and British English, on Sunday only for a US reader", () => {
    expect(lanesReaderOf("pl", "America/New_York")).toMatchObject({ firstDay: 1, hour12: false, languageTag: "pl-PL" });
    expect(lanesReaderOf("en", "Europe/Warsaw")).toMatchObject({ firstDay: 1, hour12: false, languageTag: "en-GB" });
    expect(lanesReaderOf("en", "America/Chicago")).toMatchObject({ firstDay: 0, hour12: true, languageTag: "en-US" });
    expect(lanesReaderOf("en", "America/Chicago", "iso")).toMatchObject({ firstDay: 1, hour12: false });
  });

  it("names hours and ranges of local dates without any zone shifting them", () => {
    const pl = lanesReaderOf("pl", "Europe/Warsaw");
    const us = lanesReaderOf("en", "America/Chicago");
    expect(hourLabel(pl, 7 * 60)).toBe("07:00");
    expect([hourLabel(us, 0), hourLabel(us, 13 * 60)]).toEqual(["12 AM", "1 PM"]);
    expect(rangeLabel(pl, ["2026-03-23", "2026-03-29"])).toMatch(/23.+29 marca 2026/);
    expect(rangeLabel(us, ["2026-03-29"])).toBe("Sunday, March 29, 2026");
  });
});
