import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll } from "vitest";
import type { Db } from "@/db";
import { scheduledEvent } from "@/inngest/client";
import { itemTimelines } from "@/inngest/functions/item-timeline";
import { setFunctionRuntime } from "@/inngest/runtime";
import type { DeliveryRuntime } from "@/lib/notify/deliver";
import { resendSender } from "@/lib/notify/providers/email";
import type { PushSender } from "@/lib/notify/providers/push";
import { twilioSender } from "@/lib/notify/providers/sms";
import { pendingMomentsOf } from "@/lib/timelines/pending";
import type { ItemRef } from "@/lib/timelines/types";
import { testDb } from "./db";
import { startFakeProviders, type FakeProviders } from "./fake-providers";

/** The runtime Inngest functions get in tests: the test database, and e-mail and SMS sent to the fake providers. */
export function fakeDeliveryRuntime(db: Db, fake: FakeProviders, extra: { push?: PushSender; pushHosts?: DeliveryRuntime["pushHosts"] } = {}): DeliveryRuntime {
  return {
    db,
    appUrl: "https://baton.test",
    providers: {
      email: resendSender({ apiKey: "re_test", from: "Baton <b@test.example>", baseUrl: fake.url }),
      sms: twilioSender({ accountSid: "AC00000000000000000000000000000000", authToken: "t", from: "+48221234567", baseUrl: fake.url }),
      push: extra.push ?? { send: async () => ({ statusCode: 201 }) },
    },
    ...(extra.pushHosts ? { pushHosts: extra.pushHosts } : {}),
  };
}

/**
 * For a test file that executes Inngest functions: starts the fake providers and installs a
 * runtime on the test database before the file's tests, and removes both after them. What the
 * providers were sent is read from `fake` once the tests run.
 */
export function withFakeFunctionRuntime(): { readonly fake: FakeProviders } {
  let fake: FakeProviders | undefined;
  beforeAll(async () => {
    fake = await startFakeProviders();
    const runtime = fakeDeliveryRuntime(await testDb(), fake);
    setFunctionRuntime(async () => runtime);
  });
  afterAll(async () => {
    setFunctionRuntime(undefined);
    await fake?.close();
  });
  return {
    get fake() {
      if (!fake) throw new Error("the fake providers start before the tests");
      return fake;
    },
  };
}

/** A moment a run sleeps towards, as the run's plan step memoizes it. */
export interface PlannedMoment {
  key: string;
  at: string;
}

/** The plan of an item version: its pending moments, in time order. */
export async function planOf(db: Db, item: ItemRef, version: number): Promise<PlannedMoment[]> {
  return (await pendingMomentsOf(db, item, version)).map((m) => ({ key: m.key, at: m.at.toISOString() }));
}

/**
 * Executes the durable run of an item version (the function of its kind, started by its schedule
 * event), with every sleep mocked by its moment key. With `plan`, the run's plan step answers it:
 * a run that planned before a later change wakes with what it saw then.
 */
export async function runItemTimeline(db: Db, item: ItemRef, version: number, plan?: PlannedMoment[]) {
  const moments = plan ?? (await planOf(db, item, version));
  const { name, data } = scheduledEvent({ ...item, version }, `test-${item.type}-${item.id}-v${version}`);
  const engine = new InngestTestEngine({
    function: itemTimelines[item.type],
    events: [{ name, data }],
    steps: [...(plan ? [{ id: "plan", handler: () => plan }] : []), ...moments.map((m) => ({ id: m.key, handler: () => undefined }))],
  });
  return { ...(await engine.execute()), moments };
}
