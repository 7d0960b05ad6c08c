import { describe, expect, it } from "vitest";
import { demoDayAt, demoWeekDate, demoWeekDayAt } from "./demo-dates";

describe("demoDayAt", () => {
  it("counts days from today in Warsaw, not in UTC, just after Warsaw's midnight", () => {
    // 00:30 on 15 May in Warsaw is still 14 May in UTC.
    const now = new Date("2026-05-14T22:30:00Z");
    expect(demoDayAt(now, 0, 16).toISOString()).toBe("2026-05-15T14:00:00.000Z");
    expect(demoDayAt(now, 1, 9).toISOString()).toBe("2026-05-16T07:00:00.000Z");
    expect(demoDayAt(now, -4, 12).toISOString()).toBe("2026-05-11T10:00:00.000Z");
  });

  it("keeps the hour on Warsaw's clock across both clock changes and month ends", () => {
    expect(demoDayAt(new Date("2026-03-28T10:00:00Z"), 1, 9).toISOString()).toBe("2026-03-29T07:00:00.000Z");
    expect(demoDayAt(new Date("2026-10-24T10:00:00Z"), 1, 9).toISOString()).toBe("2026-10-25T08:00:00.000Z");
    expect(demoDayAt(new Date("2026-10-30T10:00:00Z"), 3, 16).toISOString()).toBe("2026-11-02T15:00:00.000Z");
  });
});

describe("demoWeekDate and demoWeekDayAt", () => {
  it("find this week's Monday in Warsaw whatever the process zone, and place times in Warsaw across a clock change", () => {
    // Sunday 29 March 2026, 23:30 Warsaw (21:30 UTC): still that week, whose Monday is 23 March.
    const sunday = new Date("2026-03-29T21:30:00Z");
    expect(demoWeekDate(sunday, 0, 1)).toBe("2026-03-23");
    expect(demoWeekDate(sunday, 1, 3)).toBe("2026-04-01");
    expect(demoWeekDayAt(sunday, 0, 1, "09:00").toISOString()).toBe("2026-03-23T08:00:00.000Z");
    expect(demoWeekDayAt(sunday, 1, 1, "09:00").toISOString()).toBe("2026-03-30T07:00:00.000Z");
  });
});
