import { describe, expect, it } from "vitest";
import { DEFAULT_SCHEDULE } from "@/lib/reminders/working-time";
import { dueInWorkingDays } from "./template-due";

const schedule = DEFAULT_SCHEDULE;

describe("due in N working days", () => {
  it("counts working days from the person's own today, skipping weekends and days off", () => {
    // Thursday 2 April 2026, 23:30 UTC: Friday in Warsaw, Thursday in New York; Easter Monday (6 April) is off.
    const at = new Date("2026-04-02T23:30:00Z");
    expect(dueInWorkingDays(at, 1, schedule, "Europe/Warsaw")).toBe("2026-04-07T16:00");
    expect(dueInWorkingDays(at, 1, schedule, "America/New_York")).toBe("2026-04-03T16:00");
    expect(dueInWorkingDays(at, 3, schedule, "America/New_York")).toBe("2026-04-08T16:00");
  });

  it("keeps today for 0 when it is a working day, else the next one", () => {
    expect(dueInWorkingDays(new Date("2026-03-27T08:00:00Z"), 0, schedule, "Europe/Warsaw")).toBe("2026-03-27T16:00");
    expect(dueInWorkingDays(new Date("2026-03-28T08:00:00Z"), 0, schedule, "Europe/Warsaw")).toBe("2026-03-30T16:00");
  });

  it("lands on the closing hour across the change of clocks (last Sunday of March and of October)", () => {
    expect(dueInWorkingDays(new Date("2026-03-27T12:00:00Z"), 1, schedule, "Europe/Warsaw")).toBe("2026-03-30T16:00");
    expect(dueInWorkingDays(new Date("2026-10-23T12:00:00Z"), 1, schedule, "Europe/Warsaw")).toBe("2026-10-26T16:00");
  });

  it("refuses a week with no working day instead of looping", () => {
    expect(() => dueInWorkingDays(new Date("2026-03-27T12:00:00Z"), 1, { ...schedule, workDays: [] }, "Europe/Warsaw")).toThrow();
  });
});
