import { describe, expect, it } from "vitest";
import { datesOf, visibleDays, windowOf } from "../calendar-range";
import { allDayColumns, hourMarks, hoursOfDay, minutesOnDay, momentOn, placeTimed, segmentOn, stackInRows, WORKING_HOURS, type Hours } from "./lane-layout";

const WARSAW = "Europe/Warsaw";
// Runs under TZ=America/New_York and TZ=Asia/Tokyo (vitest.config.mts): nothing may depend on either.
const week = (date: string, firstDay = 1) => datesOf(visibleDays("week", date, firstDay));
const NINE_TO_TEN = { from: 2 / 12, to: 3 / 12 }; // 09:00-10:00 within 07:00-19:00

describe("the days the lanes show", () => {
  it("are the week of the date, from Monday or from Sunday for a reader whose week starts then", () => {
    expect(week("2026-03-25")).toEqual(["2026-03-23", "2026-03-24", "2026-03-25", "2026-03-26", "2026-03-27", "2026-03-28", "2026-03-29"]);
    expect(week("2026-03-29", 0)).toEqual(["2026-03-29", "2026-03-30", "2026-03-31", "2026-04-01", "2026-04-02", "2026-04-03", "2026-04-04"]);
    expect(datesOf(visibleDays("day", "2026-03-25", 1))).toEqual(["2026-03-25"]);
  });

  it("ask the server for the instants the days cover in the viewer's zone, 167 hours in the week clocks go forward", () => {
    expect(windowOf(visibleDays("week", "2026-03-25", 1), WARSAW)).toEqual({ from: "2026-03-22T23:00:00.000Z", to: "2026-03-29T22:00:00.000Z" });
    expect(windowOf(visibleDays("day", "2026-10-25", 1), WARSAW)).toEqual({ from: "2026-10-24T22:00:00.000Z", to: "2026-10-25T23:00:00.000Z" });
  });
});

describe("a timed entry on a day's working hours", () => {
  it("draws 09:00-10:00 Warsaw at 09:00 on the days before and after the clocks go forward and back", () => {
    // Saturday 28 March 09:00 CET is 08:00Z; Sunday 29 March 09:00 CEST is 07:00Z.
    expect(segmentOn("2026-03-28T08:00:00Z", "2026-03-28T09:00:00Z", "2026-03-28", WORKING_HOURS, WARSAW)).toEqual({
      span: NINE_TO_TEN,
      before: false,
      after: false,
    });
    expect(segmentOn("2026-03-29T07:00:00Z", "2026-03-29T08:00:00Z", "2026-03-29", WORKING_HOURS, WARSAW)).toEqual({
      span: NINE_TO_TEN,
      before: false,
      after: false,
    });
    // Saturday 24 October 09:00 CEST is 07:00Z; Sunday 25 October 09:00 CET is 08:00Z.
    expect(segmentOn("2026-10-24T07:00:00Z", "2026-10-24T08:00:00Z", "2026-10-24", WORKING_HOURS, WARSAW)).toEqual({
      span: NINE_TO_TEN,
      before: false,
      after: false,
    });
    expect(segmentOn("2026-10-25T08:00:00Z", "2026-10-25T09:00:00Z", "2026-10-25", WORKING_HOURS, WARSAW)).toEqual({
      span: NINE_TO_TEN,
      before: false,
      after: false,
    });
    // The same instants read as UTC would sit an hour or two off: the zone is Warsaw's, not the process's.
    expect(segmentOn("2026-10-25T08:00:00Z", "2026-10-25T09:00:00Z", "2026-10-25", WORKING_HOURS, "UTC")!.span.from).toBeCloseTo(1 / 12, 10);
  });

  it("reads the night the clocks change on the wall clock: 01:00 CET to 04:00 CEST is three hours on the clock, two real ones", () => {
    expect(minutesOnDay("2026-03-29T00:00:00Z", "2026-03-29T02:00:00Z", "2026-03-29", WARSAW)).toEqual({ from: 60, to: 240 });
    // 02:30 CEST to 02:30 CET the night they go back: an hour that takes no room on the clock.
    expect(minutesOnDay("2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z", "2026-10-25", WARSAW)).toEqual({ from: 150, to: 150 });
  });

  it("clips what runs past the working hours to their edge and says on which side", () => {
    const monday = "2026-06-08";
    // 06:00-08:00 CEST: the first hour shown, and earlier.
    expect(segmentOn("2026-06-08T04:00:00Z", "2026-06-08T06:00:00Z", monday, WORKING_HOURS, WARSAW)).toEqual({
      span: { from: 0, to: 1 / 12 },
      before: true,
      after: false,
    });
    // 18:00-20:30: the last hour, and later.
    expect(segmentOn("2026-06-08T16:00:00Z", "2026-06-08T18:30:00Z", monday, WORKING_HOURS, WARSAW)).toEqual({
      span: { from: 11 / 12, to: 1 },
      before: false,
      after: true,
    });
    // 05:00-06:00: nothing within the hours, only the mark that something is earlier.
    expect(segmentOn("2026-06-08T03:00:00Z", "2026-06-08T04:00:00Z", monday, WORKING_HOURS, WARSAW)).toEqual({
      span: { from: 0, to: 0 },
      before: true,
      after: false,
    });
    // 22:00 Monday to 02:00 Tuesday: later on Monday, earlier on Tuesday.
    const night = ["2026-06-08T20:00:00Z", "2026-06-09T00:00:00Z"] as const;
    expect(segmentOn(...night, monday, WORKING_HOURS, WARSAW)).toEqual({ span: { from: 1, to: 1 }, before: false, after: true });
    expect(segmentOn(...night, "2026-06-09", WORKING_HOURS, WARSAW)).toEqual({ span: { from: 0, to: 0 }, before: true, after: false });
    // Ending at Tuesday's first moment does not touch Tuesday.
    expect(segmentOn("2026-06-08T20:00:00Z", "2026-06-08T22:00:00Z", "2026-06-09", WORKING_HOURS, WARSAW)).toBeNull();
    expect(segmentOn("2026-06-08T08:00:00Z", "2026-06-08T09:00:00Z", "2026-06-07", WORKING_HOURS, WARSAW)).toBeNull();
  });

  it("places the current moment on its day's hours only", () => {
    expect(momentOn(new Date("2026-03-29T11:00:00Z"), "2026-03-29", WORKING_HOURS, WARSAW)).toBeCloseTo(6 / 12, 10); // 13:00 CEST
    expect(momentOn(new Date("2026-03-28T11:00:00Z"), "2026-03-28", WORKING_HOURS, WARSAW)).toBeCloseTo(5 / 12, 10); // 12:00 CET
    expect(momentOn(new Date("2026-03-29T11:00:00Z"), "2026-03-28", WORKING_HOURS, WARSAW)).toBeNull();
    expect(momentOn(new Date("2026-03-29T19:00:00Z"), "2026-03-29", WORKING_HOURS, WARSAW)).toBeNull(); // 21:00
  });
});

describe("where an entry is listed", () => {
  const days = week("2026-10-21"); // Monday 19 to Sunday 25 October: the clocks go back on Sunday
  it("lists a short entry on the day it starts, or on the first day shown when it began before", () => {
    expect(placeTimed("2026-10-25T08:00:00Z", "2026-10-25T09:00:00Z", days, WARSAW)).toEqual({ day: "2026-10-25" });
    expect(placeTimed("2026-10-18T20:00:00Z", "2026-10-19T02:00:00Z", days, WARSAW)).toEqual({ day: "2026-10-19" });
    // Sunday 23:00 CET to Monday 01:00: starts on the last day shown.
    expect(placeTimed("2026-10-25T22:00:00Z", "2026-10-26T00:00:00Z", days, WARSAW)).toEqual({ day: "2026-10-25" });
  });

  it("puts one lasting a day or more across its days in the strip, cut to the week", () => {
    // Thursday 08:00 to Saturday 18:00.
    expect(placeTimed("2026-10-22T06:00:00Z", "2026-10-24T16:00:00Z", days, WARSAW)).toEqual({ strip: { from: 3, to: 6 } });
    // Saturday 12:00 CEST to Sunday 12:00 CET is 25 hours.
    expect(placeTimed("2026-10-24T10:00:00Z", "2026-10-25T11:00:00Z", days, WARSAW)).toEqual({ strip: { from: 5, to: 7 } });
    expect(placeTimed("2026-10-12T06:00:00Z", "2026-10-30T16:00:00Z", days, WARSAW)).toEqual({ strip: { from: 0, to: 7 } });
  });

  it("leaves out what lies outside the days shown, and what ends as they begin", () => {
    expect(placeTimed("2026-10-18T20:00:00Z", "2026-10-18T22:00:00Z", days, WARSAW)).toBeNull(); // ends at Monday 00:00 CEST
    expect(placeTimed("2026-10-25T23:00:00Z", "2026-10-26T01:00:00Z", days, WARSAW)).toBeNull(); // Monday 26th 00:00 CET
  });

  it("spans all-day entries over whole days, end exclusive, cut to the days shown", () => {
    const june = week("2026-06-10");
    expect(allDayColumns("2026-06-09", "2026-06-11", june)).toEqual({ from: 1, to: 3 });
    expect(allDayColumns("2026-06-01", "2026-06-09", june)).toEqual({ from: 0, to: 1 });
    expect(allDayColumns("2026-06-14", "2026-06-20", june)).toEqual({ from: 6, to: 7 });
    expect(allDayColumns("2026-06-15", "2026-06-16", june)).toBeNull();
    expect(allDayColumns("2026-06-07", "2026-06-08", june)).toBeNull();
  });
});

describe("the hours a day shows", () => {
  const day = "2026-03-30";
  it("are the working day, widened to whole hours around what that day holds", () => {
    const early = { start: "2026-03-30T04:30:00Z", end: "2026-03-30T05:15:00Z" }; // 06:30-07:15 CEST
    const late = { start: "2026-03-30T18:00:00Z", end: "2026-03-30T20:30:00Z" }; // 20:00-22:30
    const overnight = { start: "2026-03-30T20:00:00Z", end: "2026-03-31T04:00:00Z" }; // 22:00 to 06:00 the next day
    const before = { start: "2026-03-29T20:00:00Z", end: "2026-03-30T01:00:00Z" }; // 22:00 the day before to 03:00
    expect(hoursOfDay([], day, WARSAW)).toEqual(WORKING_HOURS);
    expect(hoursOfDay([early, late], day, WARSAW)).toEqual({ start: 6 * 60, end: 23 * 60 });
    expect(hoursOfDay([overnight], day, WARSAW)).toEqual({ start: 7 * 60, end: 24 * 60 });
    expect(hoursOfDay([before], day, WARSAW)).toEqual({ start: 0, end: 19 * 60 });
    expect(hoursOfDay([overnight], "2026-03-31", WARSAW)).toEqual({ start: 0, end: 19 * 60 });
  });

  it("are marked every hour, or on the multiples of a longer step", () => {
    const hours: Hours = { start: 7 * 60, end: 10 * 60 };
    expect(hourMarks(hours).map((m) => [m.minutes / 60, m.at])).toEqual([
      [7, 0],
      [8, 1 / 3],
      [9, 2 / 3],
      [10, 1],
    ]);
    expect(hourMarks(WORKING_HOURS, 3).map((m) => m.minutes / 60)).toEqual([9, 12, 15, 18]);
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
