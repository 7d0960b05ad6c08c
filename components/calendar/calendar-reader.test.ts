import { describe, expect, it } from "vitest";
import { calendarReaderFor, hourLabel } from "./calendar-reader";

describe("how the viewer reads a calendar", () => {
  it("starts the week on Monday in Polish and British English, on Sunday only for a US reader", () => {
    expect(calendarReaderFor("pl", "America/New_York")).toMatchObject({ locale: "pl", firstDay: 1, hour12: false, languageTag: "pl-PL" });
    expect(calendarReaderFor("en", "Europe/Warsaw")).toMatchObject({ locale: "en", firstDay: 1, hour12: false, languageTag: "en-GB" });
    expect(calendarReaderFor("en", "America/Chicago")).toMatchObject({ firstDay: 0, hour12: true, languageTag: "en-US" });
    expect(calendarReaderFor("en", "America/Chicago", "iso")).toMatchObject({ firstDay: 1, hour12: false });
    // A language the calendar has no texts for reads as Polish, as the pages do.
    expect(calendarReaderFor("de", "Europe/Berlin")).toMatchObject({ locale: "pl", firstDay: 1 });
  });

  it("names hours in full and for a ruler, on a 24- or a 12-hour clock", () => {
    const pl = calendarReaderFor("pl", "Europe/Warsaw");
    const us = calendarReaderFor("en", "America/Chicago");
    expect([hourLabel(pl, 7 * 60), hourLabel(pl, 7 * 60, true)]).toEqual(["07:00", "7"]);
    expect([hourLabel(us, 0), hourLabel(us, 13 * 60)]).toEqual(["12 AM", "1 PM"]);
    expect([hourLabel(us, 9 * 60, true), hourLabel(us, 12 * 60, true)]).toEqual(["9a", "12p"]);
  });
});
