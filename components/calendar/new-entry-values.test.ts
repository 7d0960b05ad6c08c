import { describe, expect, it } from "vitest";
import { newEntryValues } from "./new-entry-values";

describe("the New entry form's first values", () => {
  it("offers 09:00–10:00 on the day in view when opened by the button", () => {
    expect(newEntryValues(undefined, "2026-12-07", "Europe/Warsaw")).toMatchObject({ allDay: false, start: "2026-12-07T09:00", end: "2026-12-07T10:00" });
  });

  it("takes a dragged range in the viewer's zone, and an all-day drag's last day rather than the day after", () => {
    expect(newEntryValues({ allDay: false, start: "2026-12-07T13:30:00.000Z", end: "2026-12-07T15:00:00.000Z" }, "2026-12-07", "Europe/Warsaw")).toMatchObject({
      allDay: false,
      start: "2026-12-07T14:30",
      end: "2026-12-07T16:00",
    });
    expect(newEntryValues({ allDay: true, startDate: "2026-12-07", endDate: "2026-12-10" }, "2026-12-07", "Asia/Tokyo")).toMatchObject({
      allDay: true,
      startDate: "2026-12-07",
      endDate: "2026-12-09",
    });
  });
});
