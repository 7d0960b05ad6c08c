import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_SCHEDULE } from "@/lib/reminders/working-time";
import { dueOfInstance, latestMomentUpTo, momentAfterCompletion, nextMomentAfter, rruleOf, type TaskRepeat } from "./repeat-rule";

const WARSAW = "Europe/Warsaw";
const base: TaskRepeat = { kind: "weekly", weekdays: [], monthDay: null, weekOfMonth: null, weekday: null, afterDays: null, timeOfDay: "08:00" };
const repeat = (over: Partial<TaskRepeat>): TaskRepeat => ({ ...base, ...over });
const next = (r: TaskRepeat, after: string, zone = WARSAW) => nextMomentAfter(r, new Date(after), zone, DEFAULT_SCHEDULE)?.toISOString();

// Node re-reads process.env.TZ when it is set, so each zone below really is the process zone.
const originalZone = process.env.TZ;
afterAll(() => {
  process.env.TZ = originalZone;
});

describe.each(["UTC", "America/New_York", "Asia/Tokyo"])("under process TZ=%s", (zone) => {
  it("runs in that process zone", () => {
    process.env.TZ = zone;
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
  });

  it("keeps a weekly Monday 09:00 in Warsaw at 09:00 across the spring and the autumn change", () => {
    process.env.TZ = zone;
    const mondays = repeat({ weekdays: [1], timeOfDay: "09:00" });
    expect(next(mondays, "2027-03-22T08:00:00Z")).toBe("2027-03-29T07:00:00.000Z");
    expect(next(mondays, "2027-10-25T07:00:00Z")).toBe("2027-11-01T08:00:00.000Z");
  });

  it("moves a time the spring change skips forward, and takes the first of a repeated autumn time", () => {
    process.env.TZ = zone;
    const sundays = repeat({ weekdays: [7], timeOfDay: "02:30" });
    expect(next(sundays, "2027-03-21T01:30:00Z")).toBe("2027-03-28T01:30:00.000Z");
    expect(next(sundays, "2027-10-24T00:30:00Z")).toBe("2027-10-31T00:30:00.000Z");
  });

  it("picks the next of several weekdays, not only the first one of the week", () => {
    process.env.TZ = zone;
    const monThu = repeat({ weekdays: [4, 1] });
    expect(rruleOf(monThu)).toBe("FREQ=WEEKLY;BYDAY=MO,TH");
    expect(next(monThu, "2027-03-29T06:00:00Z")).toBe("2027-04-01T06:00:00.000Z");
  });

  it("skips weekends and Polish public holidays for every working day", () => {
    process.env.TZ = zone;
    const workdays = repeat({ kind: "workdays" });
    // Friday 30 April 2027 → 1 May (Saturday, Labour Day), 3 May (Monday, Constitution Day) → Tuesday 4 May.
    expect(next(workdays, "2027-04-30T06:00:00Z")).toBe("2027-05-04T06:00:00.000Z");
    // Wednesday 23 December 2026 → Christmas Eve, Christmas, Boxing Day, Sunday → Monday 28 December (CET).
    expect(next(workdays, "2026-12-23T07:00:00Z")).toBe("2026-12-28T07:00:00.000Z");
    // Later the same working day, before its moment: that day still counts.
    expect(next(workdays, "2027-05-04T05:00:00Z")).toBe("2027-05-04T06:00:00.000Z");
  });

  it("follows the organisation's days off: an added day is skipped, a removed holiday is worked", () => {
    process.env.TZ = zone;
    const workdays = repeat({ kind: "workdays" });
    const schedule = { ...DEFAULT_SCHEDULE, holidays: { country: "PL" as const, added: ["2027-05-04"], removed: ["2027-05-03"] } };
    expect(nextMomentAfter(workdays, new Date("2027-04-30T06:00:00Z"), WARSAW, schedule)?.toISOString()).toBe("2027-05-03T06:00:00.000Z");
    expect(nextMomentAfter(workdays, new Date("2027-05-03T06:00:00Z"), WARSAW, schedule)?.toISOString()).toBe("2027-05-05T06:00:00.000Z");
  });

  it("repeats monthly on a weekday (second Tuesday, last Friday) across the spring change", () => {
    process.env.TZ = zone;
    const secondTuesday = repeat({ kind: "monthlyOnWeekday", weekOfMonth: 2, weekday: 2 });
    expect(next(secondTuesday, "2027-03-01T00:00:00Z")).toBe("2027-03-09T07:00:00.000Z");
    expect(next(secondTuesday, "2027-03-09T07:00:00Z")).toBe("2027-04-13T06:00:00.000Z");
    const lastFriday = repeat({ kind: "monthlyOnWeekday", weekOfMonth: -1, weekday: 5 });
    expect(next(lastFriday, "2027-10-01T00:00:00Z")).toBe("2027-10-29T06:00:00.000Z");
  });

  it("repeats monthly on a date, skipping months that lack it", () => {
    process.env.TZ = zone;
    const the31st = repeat({ kind: "monthlyOnDate", monthDay: 31 });
    expect(next(the31st, "2027-01-31T07:00:00Z")).toBe("2027-03-31T06:00:00.000Z");
    expect(next(repeat({ kind: "monthlyOnDate", monthDay: 1 }), "2027-10-01T06:00:00Z")).toBe("2027-11-01T07:00:00.000Z");
  });

  it("reads the rule in the series' own zone (New York changes its clocks two weeks earlier)", () => {
    process.env.TZ = zone;
    expect(next(repeat({ weekdays: [1], timeOfDay: "09:00" }), "2027-03-08T14:00:00Z", "America/New_York")).toBe("2027-03-15T13:00:00.000Z");
  });

  it("has no moment of its own after completion: the completion day plus N days at the time of day", () => {
    process.env.TZ = zone;
    const after3 = repeat({ kind: "afterCompletion", afterDays: 3 });
    expect(next(after3, "2027-03-26T15:00:00Z")).toBeUndefined();
    // Done Friday 26 March 2027, 16:00 CET → Monday 29 March 08:00 CEST.
    expect(momentAfterCompletion(after3, new Date("2027-03-26T15:00:00Z"), WARSAW).toISOString()).toBe("2027-03-29T06:00:00.000Z");
  });

  it("creates one instance for the latest missed moment, not one per missed moment", () => {
    process.env.TZ = zone;
    const mondays = repeat({ weekdays: [1], timeOfDay: "09:00" });
    expect(latestMomentUpTo(mondays, new Date("2027-03-01T08:00:00Z"), new Date("2027-03-24T00:00:00Z"), WARSAW, DEFAULT_SCHEDULE)?.toISOString()).toBe(
      "2027-03-22T08:00:00.000Z",
    );
    expect(latestMomentUpTo(mondays, new Date("2027-03-01T08:00:00Z"), new Date("2027-03-08T07:59:00Z"), WARSAW, DEFAULT_SCHEDULE)).toBeNull();
  });

  it("puts an instance's due date N days after its moment at the due time, across the autumn change", () => {
    process.env.TZ = zone;
    expect(dueOfInstance(new Date("2027-10-29T06:00:00Z"), { dueDays: 3, dueTime: "17:00" }, WARSAW)?.toISOString()).toBe("2027-11-01T16:00:00.000Z");
    expect(dueOfInstance(new Date("2027-10-29T06:00:00Z"), { dueDays: null, dueTime: null }, WARSAW)).toBeNull();
  });
});
