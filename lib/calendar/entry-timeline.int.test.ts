import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications } from "@/db/schema";
import { itemTimelines } from "@/inngest/functions/item-timeline";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { planOf, runItemTimeline, withFakeFunctionRuntime } from "@/lib/testing/function-runtime";
import { perform } from "@/lib/testing/perform";
import { instantToWallClock } from "@/lib/time/zoned";
import { createEntry } from "./commands";
import { createEntryInput } from "./schema";

withFakeFunctionRuntime();

describe("entry-timeline (Inngest)", () => {
  it("is cancelled by the next schedule event of the same entry", () => {
    expect(itemTimelines.entry.opts.id).toBe("entry-timeline");
    expect(itemTimelines.entry.opts.cancelOn).toEqual([expect.objectContaining({ match: "data.entryId" })]);
    expect(itemTimelines.entry.opts.cancelOn?.[0]?.event).toMatchObject({ name: "baton/entry.scheduled" });
  });

  it("sleeps until each reminder of the version and sends it to its person, once", async () => {
    const db = await testDb();
    const owner = await makeUser(db, { timeZone: "Europe/Warsaw" });
    const guest = await makeUser(db, { timeZone: "Europe/Warsaw" });
    // Whole minutes, three days ahead: the reminders are ahead when set.
    const start = new Date(Math.ceil((Date.now() + 3 * 86_400_000) / 3_600_000) * 3_600_000);
    const entry = await perform(
      db,
      owner.viewer,
      createEntry,
      createEntryInput.parse({
        title: "Odprawa",
        time: {
          allDay: false,
          start: instantToWallClock(start, "Europe/Warsaw"),
          end: instantToWallClock(new Date(start.getTime() + 3_600_000), "Europe/Warsaw"),
        },
        attendeeIds: [guest.id],
      }),
    );
    const item = { type: "entry" as const, id: entry.id };
    const plan = await planOf(db, item, 1);
    expect(plan).toHaveLength(2);
    const { ctx } = await runItemTimeline(db, item, 1);
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith(plan[0]!.key, new Date(start.getTime() - 15 * 60_000).toISOString());

    const sent = async () =>
      db
        .select({ recipientId: notifications.recipientId })
        .from(notifications)
        .where(and(eq(notifications.link, `/calendar/entries/${entry.id}`), eq(notifications.kind, "calendar.reminder")));
    expect((await sent()).map((r) => r.recipientId).sort()).toEqual([owner.id, guest.id].sort());
    // A second run of the same version, with the plan it made (an overlap or a retry), sends nothing more.
    await runItemTimeline(db, item, 1, plan);
    expect(await sent()).toHaveLength(2);
  });
});
