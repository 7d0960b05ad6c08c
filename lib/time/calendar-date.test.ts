import { describe, expect, it } from "vitest";
import { addCalendarDays, isLocalDate, isoWeekdayOf } from "./calendar-date";

describe("calendar dates", () => {
  it("steps over month, year and leap-day boundaries", () => {
    expect(addCalendarDays("2026-10-25", 1)).toBe("2026-10-26");
    expect(addCalendarDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addCalendarDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addCalendarDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addCalendarDays("2026-03-29", -7)).toBe("2026-03-22");
  });

  it("names the ISO weekday of a date", () => {
    expect(isoWeekdayOf("2026-03-23")).toBe(1);
    expect(isoWeekdayOf("2026-03-29")).toBe(7);
    expect(isoWeekdayOf("2026-10-24")).toBe(6);
  });

  it("knows a real calendar date from a malformed or impossible one", () => {
    expect(isLocalDate("2028-02-29")).toBe(true);
    for (const bad of ["2026-02-29", "2026-13-01", "2026-1-01", "2026-01-01T00:00", ""]) expect(isLocalDate(bad), bad).toBe(false);
    expect(() => addCalendarDays("tomorrow", 1)).toThrow(RangeError);
  });
});
