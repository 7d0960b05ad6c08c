import { describe, expect, it } from "vitest";
import { instantToWallClock, isTimeZone, parseWallClock, wallClockToInstant } from "./wall-clock";

const iso = (value: string, zone: string) => wallClockToInstant(value, zone)?.toISOString() ?? null;

describe("wallClockToInstant", () => {
  it("reads a winter and a summer time in Warsaw with their own offsets", () => {
    expect(iso("2026-01-15T09:00", "Europe/Warsaw")).toBe("2026-01-15T08:00:00.000Z");
    expect(iso("2026-07-15T09:00", "Europe/Warsaw")).toBe("2026-07-15T07:00:00.000Z");
  });

  it("uses the new offset right after clocks go forward and the old one just before", () => {
    expect(iso("2026-03-29T01:59", "Europe/Warsaw")).toBe("2026-03-29T00:59:00.000Z");
    expect(iso("2026-03-29T03:00", "Europe/Warsaw")).toBe("2026-03-29T01:00:00.000Z");
    expect(iso("2026-03-30T09:00", "Europe/Warsaw")).toBe("2026-03-30T07:00:00.000Z");
  });

  it("moves a time skipped by spring-forward later by the gap", () => {
    expect(iso("2026-03-29T02:30", "Europe/Warsaw")).toBe("2026-03-29T01:30:00.000Z");
    expect(instantToWallClock(wallClockToInstant("2026-03-29T02:30", "Europe/Warsaw")!, "Europe/Warsaw")).toBe("2026-03-29T03:30");
  });

  it("takes the first of the two moments a time names when clocks go back", () => {
    expect(iso("2026-10-25T02:30", "Europe/Warsaw")).toBe("2026-10-25T00:30:00.000Z");
    expect(iso("2026-10-25T03:30", "Europe/Warsaw")).toBe("2026-10-25T02:30:00.000Z");
  });

  it("works for zones west of UTC, half-hour zones and UTC itself", () => {
    expect(iso("2026-03-08T02:30", "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
    expect(iso("2026-11-01T01:30", "America/New_York")).toBe("2026-11-01T05:30:00.000Z");
    expect(iso("2026-06-01T12:00", "Asia/Kolkata")).toBe("2026-06-01T06:30:00.000Z");
    expect(iso("2026-06-01T12:00", "UTC")).toBe("2026-06-01T12:00:00.000Z");
    // Lord Howe turns back only half an hour: 01:45 happens twice, first at +11:00.
    expect(iso("2026-04-05T01:45", "Australia/Lord_Howe")).toBe("2026-04-04T14:45:00.000Z");
    expect(iso("2026-04-05T02:30", "Australia/Lord_Howe")).toBe("2026-04-04T16:00:00.000Z");
  });

  it("refuses values that are not a moment in the calendar", () => {
    for (const bad of [
      "2026-02-29T10:00",
      "2026-02-30T10:00",
      "2026-13-01T10:00",
      "2026-04-31T08:00",
      "2026-01-01T24:00",
      "2026-01-01T10:60",
      "tomorrow",
      "2026-01-01",
      "",
    ]) {
      expect(parseWallClock(bad), bad).toBeNull();
      expect(wallClockToInstant(bad, "Europe/Warsaw"), bad).toBeNull();
    }
    expect(parseWallClock("2028-02-29T10:00")).not.toBeNull();
    expect(parseWallClock("2026-05-01T08:15:30")).not.toBeNull();
  });
});

describe("instantToWallClock", () => {
  it("shows an instant as the viewer's wall clock, whatever the process zone", () => {
    const instant = new Date("2026-10-25T01:30:00Z");
    expect(instantToWallClock(instant, "Europe/Warsaw")).toBe("2026-10-25T02:30");
    expect(instantToWallClock(instant, "Europe/London")).toBe("2026-10-25T01:30");
    expect(instantToWallClock(new Date("2026-12-31T23:30:00Z"), "Europe/Warsaw")).toBe("2027-01-01T00:30");
  });

  it("round-trips every quarter hour across both Warsaw clock changes", () => {
    for (const start of ["2026-03-28T12:00:00Z", "2026-10-24T12:00:00Z"]) {
      for (let i = 0; i < 4 * 24; i++) {
        const instant = new Date(Date.parse(start) + i * 15 * 60_000);
        const wall = instantToWallClock(instant, "Europe/Warsaw");
        const back = wallClockToInstant(wall, "Europe/Warsaw")!;
        // The repeated hour reads back as its first occurrence; everything else exactly.
        expect(instant.getTime() - back.getTime()).toBeGreaterThanOrEqual(0);
        expect(instantToWallClock(back, "Europe/Warsaw")).toBe(wall);
      }
    }
  });
});

describe("isTimeZone", () => {
  it("knows IANA zones and refuses made-up ones", () => {
    expect(isTimeZone("Europe/Warsaw")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});
