import { describe, expect, it } from "vitest";
import { instantToWallClock } from "@/lib/time/zoned";
import { zonedInstant } from "./zoned-time";

const fields = (ms: number, zone: string) => {
  const z = zonedInstant(ms, zone);
  return `${z.year}-${String(z.month).padStart(2, "0")}-${String(z.day).padStart(2, "0")}T${String(z.hour).padStart(2, "0")}:${String(z.minute).padStart(2, "0")}`;
};

describe("zoned instants for ical-generator", () => {
  it.each(["Europe/Warsaw", "America/New_York", "Australia/Lord_Howe", "Africa/Casablanca", "Asia/Kolkata", "UTC"])(
    "agree with lib/time's wall clock every 37 minutes for two years in %s",
    (zone) => {
      const from = Date.UTC(2026, 0, 1);
      for (let ms = from; ms < from + 2 * 366 * 86_400_000; ms += 37 * 60_000) {
        expect(fields(ms, zone), new Date(ms).toISOString()).toBe(instantToWallClock(new Date(ms), zone));
      }
    },
  );

  it("keeps the instant's seconds and names its zone", () => {
    const z = zonedInstant(Date.parse("2027-03-28T01:00:42Z"), "Europe/Warsaw");
    expect(z).toMatchObject({ year: 2027, month: 3, day: 28, hour: 3, minute: 0, second: 42, timeZoneId: "Europe/Warsaw" });
    expect(z.toInstant().epochMilliseconds).toBe(Date.parse("2027-03-28T01:00:42Z"));
    expect(z.withTimeZone("UTC").hour).toBe(1);
  });
});
