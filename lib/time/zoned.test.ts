import { describe, expect, it } from "vitest";
import { addLocalDays, instantToWallClock, localDateOf, startOfLocalDay, wallClockToInstant } from "./zoned";

const WAW = "Europe/Warsaw";

describe("wallClockToInstant", () => {
  it("uses the zone's offset on each side of both DST changes", () => {
    expect(wallClockToInstant("2026-03-28T09:00", WAW)?.toISOString()).toBe("2026-03-28T08:00:00.000Z");
    expect(wallClockToInstant("2026-03-29T09:00", WAW)?.toISOString()).toBe("2026-03-29T07:00:00.000Z");
    expect(wallClockToInstant("2026-10-24T09:00", WAW)?.toISOString()).toBe("2026-10-24T07:00:00.000Z");
    expect(wallClockToInstant("2026-10-25T09:00", WAW)?.toISOString()).toBe("2026-10-25T08:00:00.000Z");
  });
  it("moves a skipped spring time forward and takes the first of a repeated autumn time", () => {
    expect(wallClockToInstant("2026-03-29T02:30", WAW)?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(wallClockToInstant("2026-10-25T02:30", WAW)?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });
  it("refuses impossible dates, malformed input and unknown zones", () => {
    for (const bad of ["2026-02-30T10:00", "2026-13-01T10:00", "2026-01-01T24:00", "tomorrow", "2026-01-01"]) {
      expect(wallClockToInstant(bad, WAW)).toBeNull();
    }
    expect(wallClockToInstant("2026-01-01T10:00", "Mars/Olympus")).toBeNull();
  });
  it("does not depend on the process time zone", () => {
    expect(wallClockToInstant("2026-07-01T12:00", "America/New_York")?.toISOString()).toBe("2026-07-01T16:00:00.000Z");
  });
});

describe("instantToWallClock and days", () => {
  it("round-trips in the zone", () => {
    expect(instantToWallClock(new Date("2026-03-29T07:00:00Z"), WAW)).toBe("2026-03-29T09:00");
    expect(localDateOf(new Date("2026-10-24T22:30:00Z"), WAW)).toBe("2026-10-25");
  });
  it("keeps 09:00 local when stepping a day across the change", () => {
    const sunday = wallClockToInstant("2026-03-29T09:00", WAW)!;
    expect(addLocalDays(sunday, -1, WAW).toISOString()).toBe("2026-03-28T08:00:00.000Z");
    const autumn = wallClockToInstant("2026-10-25T09:00", WAW)!;
    expect(addLocalDays(autumn, -1, WAW).toISOString()).toBe("2026-10-24T07:00:00.000Z");
  });
  it("lands on the first of a repeated time, as typed times do, whatever the process zone", () => {
    // 02:30 on 25 October 2026 happens twice in Warsaw (00:30Z in CEST, 01:30Z in CET).
    const monday = wallClockToInstant("2026-10-26T02:30", WAW)!;
    expect(addLocalDays(monday, -1, WAW).toISOString()).toBe("2026-10-25T00:30:00.000Z");
    const weekBefore = wallClockToInstant("2026-10-18T02:30", WAW)!;
    expect(addLocalDays(weekBefore, 7, WAW).toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("moves a time skipped by spring-forward later by the gap and keeps seconds", () => {
    const saturday = wallClockToInstant("2026-03-28T02:30", WAW)!;
    expect(addLocalDays(saturday, 1, WAW).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(addLocalDays(new Date("2026-01-10T08:00:30.500Z"), 1, WAW).toISOString()).toBe("2026-01-11T08:00:30.500Z");
  });

  it("finds the start of a 25-hour day", () => {
    expect(startOfLocalDay("2026-10-25", WAW)?.toISOString()).toBe("2026-10-24T22:00:00.000Z");
  });
});
