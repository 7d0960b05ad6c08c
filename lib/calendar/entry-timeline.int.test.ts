import { InngestTestEngine } from "@inngest/test";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "@/db/schema";
import { entryTimeline } from "@/inngest/functions/entry-timeline";
import { setFunctionRuntime } from "@/inngest/runtime";
import type { DeliveryRuntime } from "@/lib/notify/deliver";
import { resendSender } from "@/lib/notify/providers/email";
import { twilioSender } from "@/lib/notify/providers/sms";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { startFakeProviders, type FakeProviders } from "@/lib/testing/fake-providers";
import { perform } from "@/lib/testing/perform";
import { pendingMomentsOf } from "@/lib/timelines/pending";
import { instantToWallClock } from "@/lib/time/zoned";
import { createEntry } from "./commands";
import { createEntryInput } from "./schema";

let fake: FakeProviders;

beforeAll(async () => {
  fake = await startFakeProviders();
  const db = await testDb();
  const runtime: DeliveryRuntime = {
    db,
    appUrl: "https://baton.test",
    providers: {
      email: resendSender({ apiKey: "re_test", from: "Baton <b@test.example>", baseUrl: fake.url }),
      sms: twilioSender({ accountSid: "AC00000000000000000000000000000000", authToken: "t", from: "+48221234567", baseUrl: fake.url }),
      push: { send: async () => ({ statusCode: 201 }) },
    },
  };
  setFunctionRuntime(async () => runtime);
});
afterAll(async () => {
  setFunctionRuntime(undefined);
  await fake.close();
});

describe("entry-timeline (Inngest)", () => {
  it("is cancelled by the next schedule event of the same entry", () => {
    expect(entryTimeline.opts.cancelOn).toEqual([expect.objectContaining({ match: "data.entryId" })]);
    expect(entryTimeline.opts.cancelOn?.[0]?.event).toMatchObject({ name: "baton/entry.scheduled" });
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
    const plan = (await pendingMomentsOf(db, { type: "entry", id: entry.id }, 1)).map((m) => ({ key: m.key, at: m.at.toISOString() }));
    expect(plan).toHaveLength(2);
    const run = () =>
      new InngestTestEngine({
        function: entryTimeline,
        events: [{ name: "baton/entry.scheduled", data: { entryId: entry.id, version: 1 } }],
        steps: plan.map((m) => ({ id: m.key, handler: () => undefined })),
      }).execute();
    const { ctx } = await run();
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith(plan[0]!.key, new Date(start.getTime() - 15 * 60_000).toISOString());

    const sent = async () =>
      db
        .select({ recipientId: notifications.recipientId })
        .from(notifications)
        .where(and(eq(notifications.link, `/calendar/entries/${entry.id}`), eq(notifications.kind, "calendar.reminder")));
    expect((await sent()).map((r) => r.recipientId).sort()).toEqual([owner.id, guest.id].sort());
    await run();
    expect(await sent()).toHaveLength(2);
  });
});
