import { describe, expect, it } from "vitest";
import { shiftDate, startOfWeek, visibleDays, windowOf } from "./calendar-range";

describe("the days a view shows", () => {
  it("starts a week on Monday or Sunday as the reader's week does", () => {
    // 2026-12-06 is a Sunday.
    expect(startOfWeek("2026-12-06", 1)).toBe("2026-11-30");
    expect(startOfWeek("2026-12-06", 0)).toBe("2026-12-06");
    expect(startOfWeek("2026-12-07", 1)).toBe("2026-12-07");
    expect(visibleDays("week", "2026-12-06", 1)).toEqual({ start: "2026-11-30", end: "2026-12-07" });
    expect(visibleDays("list", "2026-12-09", 0)).toEqual({ start: "2026-12-06", end: "2026-12-13" });
  });

  it("lays a month out as six whole weeks from the week holding its first day", () => {
    expect(visibleDays("month", "2026-12-17", 1)).toEqual({ start: "2026-11-30", end: "2027-01-11" });
    expect(visibleDays("month", "2026-02-01", 0)).toEqual({ start: "2026-02-01", end: "2026-03-15" });
  });

  it("moves by a day, a week or a month, across year ends", () => {
    expect(shiftDate("day", "2026-12-31", 1)).toBe("2027-01-01");
    expect(shiftDate("week", "2026-03-02", -1)).toBe("2026-02-23");
    expect(shiftDate("month", "2026-12-17", 1)).toBe("2027-01-01");
    expect(shiftDate("month", "2026-01-31", -1)).toBe("2025-12-01");
  });

  it("asks for the instants the days start at in the viewer's zone, across a clock change", () => {
    // Warsaw moves its clocks on 2026-03-29: the week is an hour shorter than 7 × 24 h.
    expect(windowOf({ start: "2026-03-23", end: "2026-03-30" }, "Europe/Warsaw")).toEqual({
      from: "2026-03-22T23:00:00.000Z",
      to: "2026-03-29T22:00:00.000Z",
    });
  });
});
