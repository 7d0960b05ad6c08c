/**
 * notify-fanout: 10,000 notifications written at once, delivered through the real delivery
 * code (the steps the Inngest functions run: plan, a send per channel, batched e-mail, settle)
 * to local servers speaking Resend's and Twilio's APIs, with injected provider failures that
 * force retries. (@inngest/test keeps every run in memory, so it drives the functions in the
 * integration tests, not 10,000 runs here.) Resend's default limit
 * of 2 requests/s is enforced by the fake server; the e-mail function honours it by sending
 * batches of 100 under its 2-per-second throttle.
 *
 *   npm run bench -- notify-fanout [--notifications 10000] [--users 200]
 */
import { and, count, eq, inArray } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { notifications, users } from "../db/schema";
import { notificationDeliveries } from "../db/schema";
import { sendEmailBatchFn } from "../inngest/functions/send-email-batch";
import { deliveryPlan, sendDelivery, sendEmailBatch, settleNotification } from "../lib/notify/deliver";
import { writeOutbox } from "../lib/notify/outbox";
import { resendSender } from "../lib/notify/providers/email";
import { twilioSender } from "../lib/notify/providers/sms";
import { startFakeProviders } from "../lib/testing/fake-providers";
import { numberArg, type Benchmark } from "./context";
import { round } from "./measure";
import { Effects } from "../lib/effects";

const RETRIES = 6;

const bench: Benchmark = async ({ handle, args, log }) => {
  const total = numberArg(args, "notifications", 10_000);
  const userCount = numberArg(args, "users", 200);
  const db = handle.db;
  const fake = await startFakeProviders();
  fake.resendRateLimitPerSecond = 2;
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
    log(`seeding ${userCount} recipients…`);
    const recipients = await db
      .insert(users)
      .values(
        Array.from({ length: userCount }, (_, i) => ({
          email: `fanout-${run}-${i}@bench.example`,
          name: `Odbiorca ${i}`,
          phone: `+4860${String(1_000_000 + i).slice(-7)}`,
          phoneVerifiedAt: new Date(),
        })),
      )
      .returning({ id: users.id });

    log(`writing ${total} notifications (20% high: e-mail + SMS; the rest e-mail)…`);
    const t0 = performance.now();
    const ids: string[] = [];
    for (let start = 0; start < total; start += 1000) {
      const rows = Array.from({ length: Math.min(1000, total - start) }, (_, k) => {
        const i = start + k;
        return {
          recipientId: recipients[i % recipients.length]!.id,
          kind: "task.assigned",
          priority: i % 5 === 0 ? ("high" as const) : ("normal" as const),
          title: `Nowe zadanie #${i}`,
          body: "Zadanie przydzielone w teście obciążenia.",
          link: `/tasks/${i}`,
          dedupeKey: `bench:${run}:${i}`,
        };
      });
      ids.push(...(await db.transaction((tx) => writeOutbox(tx, rows, new Effects()))));
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

    log(`sending ${emailDeliveryIds.length} e-mails in batches of 100 under the function's throttle (${sendEmailBatchFn.opts.throttle!.limit}/s)…`);
    const t2 = performance.now();
    // Stand-in for Inngest's throttle on send-email-batch: never more than `limit` starts within
    // any rolling second; the sender itself waits out a 429 if a burst still hits Resend's limit.
    const throttle = sendEmailBatchFn.opts.throttle!;
    const starts: number[] = [];
    for (let i = 0; i < emailDeliveryIds.length; i += 100) {
      const batch = emailDeliveryIds.slice(i, i + 100);
      await step(async () => {
        if (starts.length >= throttle.limit) {
          const wait = starts[starts.length - throttle.limit]! + 1000 + 20 - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        }
        starts.push(performance.now());
        return sendEmailBatch(runtime, batch);
      });
    }
    for (const notificationId of ids) await settleNotification(db, notificationId);
    const emailMs = performance.now() - t2;
    const totalMs = performance.now() - t1;

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
      // 429s Resend answered; each was waited out and retried, none lost or duplicated.
      resend_429: fake.rateLimited,
      retries,
      write_ms: round(writeMs, 1),
      deliver_ms: round(totalMs, 1),
      per_notification_steps_ms: round(perNotificationMs, 1),
      email_phase_ms: round(emailMs, 1),
      throughput_per_s: round(ids.length / (totalMs / 1000), 1),
      // Baseline: single sends at Resend's 2 requests/s would take this long for the e-mails alone.
      single_send_baseline_s: round(expectedEmails / 2, 1),
      ratio_vs_single_send: round(emailMs / 1000 / (expectedEmails / 2), 4),
    };
    log(`delivered ${figures.delivered}/${figures.notifications}, duplicates ${figures.duplicates}, lost ${figures.lost}`);
    log(
      `e-mails ${figures.emails_received}/${figures.emails_expected} in ${figures.resend_requests} Resend requests (429s: ${figures.resend_429}); SMS ${figures.sms_received}/${figures.sms_expected}`,
    );
    log(
      `throughput ${figures.throughput_per_s} notifications/s; e-mail phase ${round(emailMs / 1000, 1)} s vs ${figures.single_send_baseline_s} s for single sends at 2/s (ratio ${figures.ratio_vs_single_send})`,
    );
    return figures;
  } finally {
    await fake.close();
  }
};

export default bench;
