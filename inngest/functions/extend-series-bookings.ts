import { inngest } from "@/inngest/client";
import { functionRuntime } from "@/inngest/runtime";
import { extendSeriesBookings } from "@/lib/resources/series-horizon";
import { now } from "@/lib/time/clock";

/**
 * Every day: books the occurrences of recurring meetings that the rolling horizon (a year ahead)
 * has reached since yesterday, and tells organisers which dates a resource could not be booked for.
 */
export const extendSeriesBookingsFn = inngest.createFunction(
  { id: "extend-series-bookings", triggers: [{ cron: "TZ=UTC 30 2 * * *" }], concurrency: 1 },
  async ({ step }) => {
    const rt = await functionRuntime();
    return step.run("extend", () => extendSeriesBookings(rt.db, now()));
  },
);
