import { describe, expect, it } from "vitest";
import { notificationChannel, priority } from "@/db/schema";
import { CHANNELS, PRIORITIES, PRIORITIES_URGENT_FIRST, ROUTABLE_CHANNELS } from "./vocabulary";

describe("the organisation's vocabulary", () => {
  it("is the one the database enums hold", () => {
    expect([...CHANNELS]).toEqual(notificationChannel.enumValues);
    expect([...PRIORITIES]).toEqual(priority.enumValues);
  });

  it("lists pickers most urgent first and routes every channel but in-app", () => {
    expect(PRIORITIES_URGENT_FIRST).toEqual(["urgent", "high", "normal", "low"]);
    expect(ROUTABLE_CHANNELS).toEqual(CHANNELS.filter((c) => c !== "in_app"));
  });
});
