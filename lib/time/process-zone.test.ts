import { expect, it } from "vitest";

it("runs under the process zone its vitest project names, not the machine's", () => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  expect(zone).toBe(process.env.TZ);
  expect(["America/New_York", "Asia/Tokyo"]).toContain(zone);
  expect(new Date("2026-01-15T12:00:00Z").getTimezoneOffset()).toBe(zone === "Asia/Tokyo" ? -540 : 300);
});
