import { describe, expect, it } from "vitest";
import { wallClockToInstant } from "@/lib/time/zoned";
import { addDelay, addWorkingMinutes, DEFAULT_SCHEDULE, type WorkSchedule } from "./working-time";

const WAW = "Europe/Warsaw";
const at = (local: string) => wallClockToInstant(local, WAW)!;

describe("addDelay in the organisation's working week (Warsaw, Mon–Fri 08:00–16:00)", () => {
  it("counts working hours over a weekend and the spring clock change", () => {
    // Friday 14:00 CET + 4 working hours: 2 on Friday, 2 on Monday (now CEST).
    expect(addDelay(at("2026-03-27T14:00"), 4, "working_hours", DEFAULT_SCHEDULE).toISOString()).toBe(at("2026-03-30T10:00").toISOString());
    expect(at("2026-03-30T10:00").toISOString()).toBe("2026-03-30T08:00:00.000Z");
  });

  it("adds a working day across the autumn clock change at the same local time", () => {
    expect(addDelay(at("2026-10-23T14:00"), 1, "working_days", DEFAULT_SCHEDULE).toISOString()).toBe("2026-10-26T13:00:00.000Z");
  });

  it("starts counting at the next working window when the start is outside one", () => {
    expect(addDelay(at("2026-10-24T10:00"), 1, "working_days", DEFAULT_SCHEDULE)).toEqual(at("2026-10-26T16:00"));
    expect(addDelay(at("2026-10-27T18:30"), 3, "working_hours", DEFAULT_SCHEDULE)).toEqual(at("2026-10-28T11:00"));
    expect(addDelay(at("2026-10-27T06:00"), 30, "working_hours", DEFAULT_SCHEDULE)).toEqual(at("2026-10-30T14:00"));
  });

  it("treats minutes as elapsed time, nights and weekends included", () => {
    expect(addDelay(at("2026-10-24T23:30"), 60, "minutes", DEFAULT_SCHEDULE)).toEqual(new Date(at("2026-10-24T23:30").getTime() + 3_600_000));
  });

  it("follows a configured week and zone", () => {
    const ny: WorkSchedule = {
      timeZone: "America/New_York",
      workDays: [1, 2, 3, 4, 5, 6],
      dayStart: "09:00",
      dayEnd: "13:00",
      holidays: { country: "none", added: [], removed: [] },
    };
    // Friday 12:00 + 3 working hours: 1 on Friday, 2 on Saturday.
    const friday = wallClockToInstant("2026-11-06T12:00", ny.timeZone)!;
    expect(addDelay(friday, 3, "working_hours", ny)).toEqual(wallClockToInstant("2026-11-07T11:00", ny.timeZone));
    expect(addDelay(friday, 1, "working_days", ny)).toEqual(wallClockToInstant("2026-11-07T12:00", ny.timeZone));
  });

  it("refuses a week without working time instead of looping", () => {
    expect(() => addWorkingMinutes(new Date(), 60, { ...DEFAULT_SCHEDULE, workDays: [] })).toThrow(/no working time/);
  });
});

describe("addDelay skips the organisation's days off", () => {
  it("counts a working day after Wednesday 23 December 2026 14:00 to Monday 28 December 14:00 (24–26 December are holidays)", () => {
    expect(addDelay(at("2026-12-23T14:00"), 1, "working_days", DEFAULT_SCHEDULE)).toEqual(at("2026-12-28T14:00"));
    expect(addDelay(at("2026-12-23T14:00"), 4, "working_hours", DEFAULT_SCHEDULE)).toEqual(at("2026-12-28T10:00"));
  });

  it("skips Easter Monday", () => {
    // Easter 2026 is 5 April: Friday 3 April 12:00 + 1 working day is Tuesday 7 April 12:00.
    expect(addDelay(at("2026-04-03T12:00"), 1, "working_days", DEFAULT_SCHEDULE)).toEqual(at("2026-04-07T12:00"));
  });

  it("skips a day an admin added, and works a public holiday they removed", () => {
    const added: WorkSchedule = { ...DEFAULT_SCHEDULE, holidays: { country: "PL", added: ["2026-10-30"], removed: [] } };
    expect(addDelay(at("2026-10-29T14:00"), 1, "working_days", added)).toEqual(at("2026-11-02T14:00"));
    expect(addDelay(at("2026-10-29T14:00"), 1, "working_days", DEFAULT_SCHEDULE)).toEqual(at("2026-10-30T14:00"));
    const worked: WorkSchedule = { ...DEFAULT_SCHEDULE, holidays: { country: "PL", added: [], removed: ["2026-12-24"] } };
    expect(addDelay(at("2026-12-23T14:00"), 1, "working_days", worked)).toEqual(at("2026-12-24T14:00"));
  });

  it("reads the days off in the schedule's zone, not in UTC nor the server's", () => {
    // 23:30 Warsaw on 23 December is 22:30 UTC the same day but 07:30 in Tokyo on the 24th: the
    // schedule's own calendar decides, so the count starts on Monday 28th at 08:00 Warsaw.
    expect(addDelay(at("2026-12-23T23:30"), 2, "working_hours", DEFAULT_SCHEDULE)).toEqual(at("2026-12-28T10:00"));
    const tokyo: WorkSchedule = { ...DEFAULT_SCHEDULE, timeZone: "Asia/Tokyo", holidays: { country: "none", added: ["2026-12-24"], removed: [] } };
    // Wednesday 23 December 15:00 Tokyo + 2 working hours: 1 on the 23rd, the 24th is off, 1 on the 25th.
    const from = wallClockToInstant("2026-12-23T15:00", "Asia/Tokyo")!;
    expect(addDelay(from, 2, "working_hours", tokyo)).toEqual(wallClockToInstant("2026-12-25T09:00", "Asia/Tokyo"));
  });
});
