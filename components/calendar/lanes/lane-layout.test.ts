import { describe, expect, it } from "vitest";
import {
  allDaySpan,
  daysShown,
  hoursToShow,
  nowPosition,
  positionOf,
  shiftDate,
  stackInRows,
  startOfWeek,
  timedSpan,
  windowOfDays,
  type LaneAxis,
} from "./lane-layout";

const WARSAW = "Europe/Warsaw";
// Runs under TZ=America/New_York and TZ=Asia/Tokyo (vitest.config.mts): nothing may depend on either.
const week = (date: string, firstDay = 1): LaneAxis => ({ days: daysShown("week", date, firstDay), dayStart: 7 * 60, dayEnd: 19 * 60 });

describe("the days a lane shows", () => {
  it("starts the week on Monday, or on Sunday for a reader whose week starts then", () => {
    expect(startOfWeek("2026-03-29", 1)).toBe("2026-03-23");
    expect(startOfWeek("2026-03-29", 0)).toBe("2026-03-29");
    expect(daysShown("week", "2026-03-25", 1)).toEqual(["2026-03-23", "2026-03-24", "2026-03-25", "2026-03-26", "2026-03-27", "2026-03-28", "2026-03-29"]);
    expect(daysShown("day", "2026-03-25", 1)).toEqual(["2026-03-25"]);
    expect(shiftDate("week", "2026-03-25", 1)).toBe("2026-04-01");
    expect(shiftDate("day", "2026-03-01", -1)).toBe("2026-02-28");
  });

  it("asks the server for the instants the days cover in the viewer's zone, 167 hours in the week clocks go forward", () => {
    const w = windowOfDays(daysShown("week", "2026-03-25", 1), WARSAW);
    expect(w).toEqual({ from: "2026-03-22T23:00:00.000Z", to: "2026-03-29T22:00:00.000Z" });
    expect(windowOfDays(["2026-10-25"], WARSAW)).toEqual({ from: "2026-10-24T22:00:00.000Z", to: "2026-10-25T23:00:00.000Z" });
  });
});

describe("where entries sit", () => {
  it("draws 09:00-10:00 Warsaw at 09:00 every day of a week with a clock change, spring and autumn", () => {
    const spring = week("2026-03-29");
    // Saturday 28 March 09:00 CET is 08:00Z; Sunday 29 March 09:00 CEST is 07:00Z.
    const saturday = timedSpan("2026-03-28T08:00:00Z", "2026-03-28T09:00:00Z", spring, WARSAW)!;
    const sunday = timedSpan("2026-03-29T07:00:00Z", "2026-03-29T08:00:00Z", spring, WARSAW)!;
    const nine = 2 / 12; // two of twelve hours after 07:00
    expect(saturday.from).toBeCloseTo((5 + nine) / 7, 10);
    expect(sunday.from).toBeCloseTo((6 + nine) / 7, 10);
    expect(sunday.to - sunday.from).toBeCloseTo(saturday.to - saturday.from, 10);

    const autumn = week("2026-10-25");
    expect(positionOf("2026-10-24T07:00:00Z", autumn, WARSAW)).toBeCloseTo((5 + nine) / 7, 10);
    expect(positionOf("2026-10-25T08:00:00Z", autumn, WARSAW)).toBeCloseTo((6 + nine) / 7, 10);
  });

  it("places a day view's hours across, 02:30 CET and 03:30 CEST side by side on the night clocks go forward", () => {
    const day: LaneAxis = { days: ["2026-03-29"], dayStart: 0, dayEnd: 24 * 60 };
    // 01:00Z is 03:00 CEST: one real hour after 01:00 CET (00:00Z), two hours on the wall clock.
    expect(positionOf("2026-03-29T00:00:00Z", day, WARSAW)).toBeCloseTo(1 / 24, 10);
    expect(positionOf("2026-03-29T01:00:00Z", day, WARSAW)).toBeCloseTo(3 / 24, 10);
  });

  it("clamps what runs past the hours or the days shown to their edges, and leaves out what lies outside", () => {
    const axis = week("2026-06-10");
    // Monday 8 June 22:00 to Tuesday 02:00 local (CEST): from Monday's edge to Tuesday's start.
    expect(timedSpan("2026-06-08T20:00:00Z", "2026-06-09T00:00:00Z", axis, WARSAW)).toEqual({ from: 1 / 7, to: 1 / 7 });
    // Sunday before the week to Monday 10:00.
    const over = timedSpan("2026-06-07T10:00:00Z", "2026-06-08T08:00:00Z", axis, WARSAW)!;
    expect(over.from).toBe(0);
    expect(over.to).toBeCloseTo(3 / 12 / 7, 10);
    // Ends at the very start of the week: not shown.
    expect(timedSpan("2026-06-07T20:00:00Z", "2026-06-07T22:00:00Z", axis, WARSAW)).toBeNull();
    expect(timedSpan("2026-06-15T06:00:00Z", "2026-06-15T07:00:00Z", axis, WARSAW)).toBeNull();
  });

  it("spans all-day entries over whole days, end exclusive, cut to the days shown", () => {
    const axis = week("2026-06-10");
    expect(allDaySpan("2026-06-09", "2026-06-11", axis)).toEqual({ from: 1 / 7, to: 3 / 7 });
    expect(allDaySpan("2026-06-01", "2026-06-09", axis)).toEqual({ from: 0, to: 1 / 7 });
    expect(allDaySpan("2026-06-14", "2026-06-20", axis)).toEqual({ from: 6 / 7, to: 1 });
    expect(allDaySpan("2026-06-15", "2026-06-16", axis)).toBeNull();
  });

  it("draws the current time only on a day shown", () => {
    const axis = week("2026-03-29");
    expect(nowPosition(new Date("2026-03-29T11:00:00Z"), axis, WARSAW)).toBeCloseTo((6 + 6 / 12) / 7, 10);
    expect(nowPosition(new Date("2026-03-30T11:00:00Z"), axis, WARSAW)).toBeNull();
  });

  it("widens the hours to whole hours around entries within one day, not for those over midnight", () => {
    const early = { start: "2026-03-29T04:30:00Z", end: "2026-03-29T05:15:00Z" }; // 06:30-07:15 CEST
    const late = { start: "2026-03-30T18:00:00Z", end: "2026-03-30T20:30:00Z" }; // 20:00-22:30 CEST
    const toMidnight = { start: "2026-03-30T20:00:00Z", end: "2026-03-30T22:00:00Z" }; // 22:00-24:00
    const overnight = { start: "2026-03-30T20:00:00Z", end: "2026-03-31T04:00:00Z" };
    expect(hoursToShow("week", [], WARSAW)).toEqual({ dayStart: 420, dayEnd: 1140 });
    expect(hoursToShow("week", [early, late], WARSAW)).toEqual({ dayStart: 360, dayEnd: 23 * 60 });
    expect(hoursToShow("day", [toMidnight], WARSAW)).toEqual({ dayStart: 420, dayEnd: 24 * 60 });
    expect(hoursToShow("day", [overnight], WARSAW)).toEqual({ dayStart: 420, dayEnd: 1200 });
  });
});

describe("rows within a lane", () => {
  it("puts overlapping spans on separate rows and lets touching ones share a row", () => {
    const { rows, count } = stackInRows([
      { from: 0.1, to: 0.3 },
      { from: 0.2, to: 0.4 },
      { from: 0.3, to: 0.5 },
      { from: 0.25, to: 0.35 },
    ]);
    expect(rows).toEqual([0, 1, 0, 2]);
    expect(count).toBe(3);
    expect(stackInRows([])).toEqual({ rows: [], count: 1 });
  });
});
