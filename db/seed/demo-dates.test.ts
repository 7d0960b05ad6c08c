import { describe, expect, it } from "vitest";
import { demoDayAt } from "./demo-dates";

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
