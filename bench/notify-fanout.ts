/**
 * notify-fanout: 10,000 notifications written at once, delivered through the real delivery
 * code (the steps the Inngest functions run: plan, a send per channel, batched e-mail, settle)
 * to local servers speaking Resend's and Twilio's APIs, with injected provider failures that
 * force retries. (@inngest/test keeps every run in memory, so it drives the functions in the
 * integration tests, not 10,000 runs here.) Resend's default limit
 * of 2 requests/s is enforced by the fake server; e-mails go in batches of 100, the runs start
 * under the e-mail function's throttle and the sender paces each request at the HTTP call, so the
 * e-mail phase approaches the floor that limit sets (`email_floor_ms`) with no 429.
 *
 *   npm run bench -- notify-fanout [--notifications 10000] [--users 200]
 */
import { and, count, eq, inArray } from "drizzle-orm";
import { randomInt, randomUUID } from "node:crypto";
import { notifications, users } from "../db/schema";
import { notificationDeliveries } from "../db/schema";
import { sendEmailBatchFn } from "../inngest/functions/send-email-batch";
import { deliveryPlan, sendDelivery, sendEmailBatch, settleNotifications } from "../lib/notify/deliver";
import { notice } from "../lib/notify/notice";
import { writeOutbox } from "../lib/notify/outbox";
import { notificationIdsOfDeliveries } from "../lib/notify/queries-deliveries";
import { resendSender } from "../lib/notify/providers/email";
import { twilioSender } from "../lib/notify/providers/sms";
import { startFakeProviders } from "../lib/testing/fake-providers";
import { numberArg, type Benchmark } from "./context";
import { round } from "./measure";
import { runUnit } from "../lib/effects/unit";

const RETRIES = 6;
// Resend's default rate limit, which the fake enforces.
const RESEND_PER_SECOND = 2;

const bench: Benchmark = async ({ handle, args, log }) => {
  const total = numberArg(args, "notifications", 10_000);
  const userCount = numberArg(args, "users", 200);
  const db = handle.db;
  const fake = await startFakeProviders();
  fake.resendRateLimitPerSecond = RESEND_PER_SECOND;
  const runtime = {
    db,
    appUrl: "https://baton.example.com",
    providers: {
      email: resendSender({ apiKey: "re_bench", from: "Baton <b@bench.example>", baseUrl: fake.url }),
      sms: twilioSender({ accountSid: "AC00000000000000000000000000000000", authToken: "t", from: "+48221234567", baseUrl: fake.url }),
      // No device has push here: push deliveries are recorded as skipped, not lost.
      push: null,
    },
  };

  try {
    const run = randomUUID().slice(0, 8);
    // A verified number belongs to one user: numbers from a random block, so the bench runs again
    // on a database that holds an earlier run's recipients.
    const phoneBase = randomInt(0, 10_000_000 - userCount);
    log(`seeding ${userCount} recipients…`);
    const recipients = await db
      .insert(users)
      .values(
        Array.from({ length: userCount }, (_, i) => ({
          email: `fanout-${run}-${i}@bench.example`,
          name: `Odbiorca ${i}`,
          phone: `+4860${String(phoneBase + i).padStart(7, "0")}`,
          phoneVerifiedAt: new Date(),
          // Both languages, and zones apart, so rendering is exercised as in production.
          locale: i % 2 ? ("en" as const) : ("pl" as const),
          timeZone: i % 2 ? "America/New_York" : "Europe/Warsaw",
        })),
      )
      .returning({ id: users.id, locale: users.locale, timeZone: users.timeZone });

    log(`writing ${total} notifications (20% high: e-mail + SMS; the rest e-mail)…`);
    const t0 = performance.now();
    const ids: string[] = [];
    for (let start = 0; start < total; start += 1000) {
      // Real notices of the registry, so the e-mail phase renders what production renders.
      const rows = Array.from({ length: Math.min(1000, total - start) }, (_, k) => {
        const i = start + k;
        const recipient = recipients[i % recipients.length]!;
        return notice(
          "task.assigned",
          {
            taskId: `bench-${run}-${i}`,
            taskNumber: i,
            title: `Przegląd pieca #${i}`,
            priority: i % 5 === 0 ? "high" : "normal",
            version: 1,
            actor: "Zadanie przydzielone w teście obciążenia",
            dueAt: new Date(Date.UTC(2026, 11, 1 + (i % 28), 8)).toISOString(),
          },
          recipient,
        );
      });
      // No dispatcher is registered here: the bench delivers the ids itself.
      ids.push(...(await runUnit(db, null, (work) => writeOutbox(work, rows))));
    }
    const writeMs = performance.now() - t0;

    // Provider trouble during the run: each must be retried without sending twice.
    fake.failNext("twilio", 3);
    fake.failNext("resend", 2);

    log("delivering: a run per notification (20 at a time), a step per channel, retried like Inngest retries…");
    const t1 = performance.now();
    let retries = 0;
    // A step is retried until it succeeds (Inngest re-runs a failed step; completed ones are memoized).
    const step = async <T>(fn: () => Promise<T>): Promise<T> => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await fn();
        } catch (error) {
          if (attempt >= RETRIES) throw error;
          retries++;
        }
      }
    };
    const emailDeliveryIds: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < ids.length) {
          const notificationId = ids[next++]!;
          // The steps of deliver-notification, in order.
          for (const delivery of await step(() => deliveryPlan(db, notificationId))) {
            if (delivery.channel === "email") emailDeliveryIds.push(delivery.id);
            else await step(() => sendDelivery(runtime, delivery.id));
          }
        }
      }),
    );
    const perNotificationMs = performance.now() - t1;

    const throttle = sendEmailBatchFn.opts.throttle!;
    log(
      `sending ${emailDeliveryIds.length} e-mails in batches of 100: runs started under the function's throttle (${throttle.limit}/s), each request paced at the call…`,
    );
    const t2 = performance.now();
    const resendBefore = fake.requests.resend;
    // Stand-in for Inngest's throttle on send-email-batch: never more than `limit` runs start
    // within any rolling second. Runs overlap as Inngest's do: each loads and renders its batch,
    // then waits for its turn at Resend (the sender's pacer), then settles its notifications.
    const starts: number[] = [];
    const runs: Promise<void>[] = [];
    for (let i = 0; i < emailDeliveryIds.length; i += 100) {
      if (starts.length >= throttle.limit) {
        const wait = starts[starts.length - throttle.limit]! + 1000 + 20 - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
      starts.push(performance.now());
      const batch = emailDeliveryIds.slice(i, i + 100);
      runs.push(
        (async () => {
          await step(() => sendEmailBatch(runtime, batch));
          await step(async () => settleNotifications(db, await notificationIdsOfDeliveries(db, batch)));
        })(),
      );
    }
    await Promise.all(runs);
    const emailMs = performance.now() - t2;
    const totalMs = performance.now() - t1;
    const emailRequests = fake.requests.resend - resendBefore;
    // The least time Resend's limit allows for the requests this phase made, failed ones included.
    const emailFloorMs = (emailRequests / RESEND_PER_SECOND) * 1000;

    const [delivered] = await db
      .select({ n: count() })
      .from(notifications)
      .where(and(inArray(notifications.id, ids), eq(notifications.status, "sent")));
    const [pendingDeliveries] = await db
      .select({ n: count() })
      .from(notificationDeliveries)
      .where(and(inArray(notificationDeliveries.notificationId, ids), inArray(notificationDeliveries.status, ["pending", "failed"])));
    const keys = fake.emails.map((e) => e.to[0]! + "|" + e.subject);
    const emailDuplicates = keys.length - new Set(keys).size;
    const smsKeys = fake.sms.map((s) => s.to + "|" + s.body);
    const smsDuplicates = smsKeys.length - new Set(smsKeys).size;
    const expectedEmails = ids.length;
    const expectedSms = (
      await db
        .select({ n: count() })
        .from(notificationDeliveries)
        .where(and(inArray(notificationDeliveries.notificationId, ids), eq(notificationDeliveries.channel, "sms")))
    )[0]!.n;

    const figures = {
      notifications: ids.length,
      delivered: delivered!.n,
      duplicates: emailDuplicates + smsDuplicates,
      lost: ids.length - delivered!.n,
      undelivered_channels: pendingDeliveries!.n,
      emails_received: fake.emails.length,
      emails_expected: expectedEmails,
      sms_received: fake.sms.length,
      sms_expected: expectedSms,
      resend_requests: fake.requests.resend,
      // 429s Resend answered; each would be waited out and retried, none lost or duplicated.
      "429s": fake.rateLimited,
      retries,
      write_ms: round(writeMs, 1),
      deliver_ms: round(totalMs, 1),
      per_notification_steps_ms: round(perNotificationMs, 1),
      email_phase_ms: round(emailMs, 1),
      email_floor_ms: round(emailFloorMs, 1),
      ratio: round(emailMs / emailFloorMs, 3),
      throughput_per_s: round(ids.length / (totalMs / 1000), 1),
      // Baseline: single sends at Resend's 2 requests/s would take this long for the e-mails alone.
      single_send_baseline_s: round(expectedEmails / 2, 1),
      ratio_vs_single_send: round(emailMs / 1000 / (expectedEmails / 2), 4),
    };
    log(`delivered ${figures.delivered}/${figures.notifications}, duplicates ${figures.duplicates}, lost ${figures.lost}`);
    log(
      `e-mails ${figures.emails_received}/${figures.emails_expected} in ${figures.resend_requests} Resend requests (429s: ${figures["429s"]}); SMS ${figures.sms_received}/${figures.sms_expected}`,
    );
    log(
      `throughput ${figures.throughput_per_s} notifications/s; e-mail phase ${round(emailMs / 1000, 1)} s against a floor of ${round(emailFloorMs / 1000, 1)} s for ${emailRequests} requests at ${RESEND_PER_SECOND}/s (ratio ${figures.ratio}); single sends at 2/s would take ${figures.single_send_baseline_s} s`,
    );
    return figures;
  } finally {
    await fake.close();
  }
};

export default bench;
