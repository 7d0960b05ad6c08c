import { createHash } from "node:crypto";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { notifications, users } from "@/db/schema";
import { notificationDeliveries, pushSubscriptions } from "@/db/schema";
import { composeEmail, composePush, composeSms, type OutgoingNotification, type Recipient } from "./compose";
import { deliveryReasonOf, logDeliveryError, type DeliveryReason } from "./delivery-reasons";
import { configuredPushHostRules } from "./push-allowlist";
import { pushEndpointProblem, type PushHostRule } from "./push-endpoints";
import type { EmailMessage, EmailSender } from "./providers/email";
import { PermanentDeliveryError } from "./providers/errors";
import type { PushSender } from "./providers/push";
import type { SmsSender } from "./providers/sms";
import { smsOptions } from "./sms/settings";
import { now as clockNow } from "@/lib/time/clock";

export interface DeliveryProviders {
  email: EmailSender;
  sms: SmsSender;
  /** Null when web push is not configured. */
  push: PushSender | null;
}

export interface DeliveryRuntime {
  db: Db;
  providers: DeliveryProviders;
  appUrl: string;
  /** Push services the server may connect to; the built-in list and PUSH_ALLOWED_HOSTS when unset. */
  pushHosts?: readonly PushHostRule[];
}

export type RoutedChannelName = "email" | "sms" | "push";

export interface PlannedDelivery {
  id: string;
  channel: RoutedChannelName;
  /** ISO instant (plans pass through Inngest's JSON memoization). */
  deliverAfter: string | null;
  /** Times the sweep re-announced it: part of derived event ids. */
  dispatches: number;
}

export interface SendOutcome {
  status: "sent" | "failed" | "skipped" | "already";
  providerId?: string;
  reason?: DeliveryReason;
}

/** The pending deliveries of a notification, in routing order. */
export async function deliveryPlan(db: Db, notificationId: string): Promise<PlannedDelivery[]> {
  const rows = await db
    .select({
      id: notificationDeliveries.id,
      channel: notificationDeliveries.channel,
      deliverAfter: notificationDeliveries.deliverAfter,
      dispatches: notificationDeliveries.dispatches,
    })
    .from(notificationDeliveries)
    .where(
      and(
        eq(notificationDeliveries.notificationId, notificationId),
        eq(notificationDeliveries.status, "pending"),
        ne(notificationDeliveries.channel, "in_app"),
      ),
    )
    .orderBy(asc(notificationDeliveries.position));
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel as RoutedChannelName,
    deliverAfter: r.deliverAfter?.toISOString() ?? null,
    dispatches: r.dispatches,
  }));
}

async function loadForSend(db: Db, deliveryIds: string[]) {
  const rows = await db
    .select({
      deliveryId: notificationDeliveries.id,
      channel: notificationDeliveries.channel,
      status: notificationDeliveries.status,
      providerId: notificationDeliveries.providerId,
      notification: {
        id: notifications.id,
        kind: notifications.kind,
        priority: notifications.priority,
        title: notifications.title,
        body: notifications.body,
        link: notifications.link,
        payload: notifications.payload,
      },
      // Null for a notification to an address (someone outside Baton): `address` says who.
      user: {
        id: users.id,
        email: users.email,
        phone: users.phone,
        locale: users.locale,
        timeZone: users.timeZone,
        dateFormat: users.dateFormat,
        phoneVerifiedAt: users.phoneVerifiedAt,
        active: users.active,
      },
      address: notifications.address,
    })
    .from(notificationDeliveries)
    .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
    .leftJoin(users, eq(users.id, notifications.recipientId))
    .where(inArray(notificationDeliveries.id, deliveryIds));
  return rows.map(({ user, address, ...row }) => {
    const recipient: Recipient = user
      ? { userId: user.id, email: user.email, phone: user.phone, locale: user.locale, timeZone: user.timeZone, dateFormat: user.dateFormat }
      : { userId: null, email: address?.email ?? "", phone: null, locale: address?.locale ?? "pl", timeZone: address?.timeZone ?? "UTC" };
    return {
      ...row,
      recipientId: user?.id ?? null,
      recipient,
      phoneVerifiedAt: user?.phoneVerifiedAt ?? null,
      active: user ? user.active : Boolean(address?.email),
    };
  });
}

async function markSent(db: Db, deliveryId: string, providerId: string) {
  await db
    .update(notificationDeliveries)
    .set({ status: "sent", providerId, sentAt: clockNow(), updatedAt: clockNow(), attempts: sql`${notificationDeliveries.attempts} + 1`, reason: null })
    .where(eq(notificationDeliveries.id, deliveryId));
}

/** One statement for a whole batch: a round trip per e-mail would make the database, not Resend, the limit. */
async function markManySent(db: Db, sent: { deliveryId: string; providerId: string }[]) {
  if (!sent.length) return;
  const providerId = sql.join(
    sent.map((s) => sql`when ${s.deliveryId}::uuid then ${s.providerId}`),
    sql` `,
  );
  await db
    .update(notificationDeliveries)
    .set({
      status: "sent",
      providerId: sql`case ${notificationDeliveries.id} ${providerId} end`,
      sentAt: clockNow(),
      updatedAt: clockNow(),
      attempts: sql`${notificationDeliveries.attempts} + 1`,
      reason: null,
    })
    .where(
      inArray(
        notificationDeliveries.id,
        sent.map((s) => s.deliveryId),
      ),
    );
}

async function markClosed(db: Db, deliveryId: string, status: "failed" | "skipped", reason: DeliveryReason) {
  await db
    .update(notificationDeliveries)
    .set({ status, reason, updatedAt: clockNow(), attempts: sql`${notificationDeliveries.attempts} + 1` })
    .where(eq(notificationDeliveries.id, deliveryId));
}

async function markAttempt(db: Db, deliveryIds: string[], reason: DeliveryReason) {
  await db
    .update(notificationDeliveries)
    .set({ reason, updatedAt: clockNow(), attempts: sql`${notificationDeliveries.attempts} + 1` })
    .where(inArray(notificationDeliveries.id, deliveryIds));
}

/**
 * Called when retries are exhausted: the delivery is recorded as failed, keeping the category
 * of its last attempt. The error that ended the run is logged, not stored.
 */
export async function markDeliveriesFailed(db: Db, deliveryIds: string[], context: { notificationId: string; channel: string }, error: unknown) {
  if (!deliveryIds.length) return;
  logDeliveryError(context, error);
  await db
    .update(notificationDeliveries)
    .set({ status: "failed", reason: sql`coalesce(${notificationDeliveries.reason}, 'gave_up')`, updatedAt: clockNow() })
    .where(and(inArray(notificationDeliveries.id, deliveryIds), eq(notificationDeliveries.status, "pending")));
}

function idempotencyKey(notificationId: string, channel: string): string {
  return `baton:${notificationId}:${channel}`;
}

/**
 * Sends one delivery through its provider. A delivery that is no longer pending is left alone,
 * so a retried step or an overlapping run never sends twice. Permanent failures are recorded and
 * returned; anything else is recorded and thrown, for Inngest to retry.
 */
export async function sendDelivery(rt: DeliveryRuntime, deliveryId: string): Promise<SendOutcome> {
  const [row] = await loadForSend(rt.db, [deliveryId]);
  if (!row) return { status: "skipped" };
  if (row.status !== "pending") return { status: "already", providerId: row.providerId ?? undefined };
  if (!row.active) {
    await markClosed(rt.db, deliveryId, "skipped", "recipient_inactive");
    return { status: "skipped", reason: "recipient_inactive" };
  }
  const n = row.notification as OutgoingNotification;
  const recipient = row.recipient;
  const key = idempotencyKey(n.id, row.channel);
  try {
    let providerId: string;
    if (row.channel === "email") {
      providerId = (await rt.providers.email.send(await composeEmail(n, recipient, rt.appUrl), key)).providerId;
    } else if (row.channel === "sms") {
      // Checked again at send time: the number may have changed (and lost its verification) since routing.
      if (!recipient.phone || !row.phoneVerifiedAt) {
        const reason = recipient.phone ? "phone_unverified" : "no_phone";
        await markClosed(rt.db, deliveryId, "skipped", reason);
        return { status: "skipped", reason };
      }
      const text = composeSms(n, recipient, rt.appUrl, await smsOptions(rt.db));
      providerId = (await rt.providers.sms.send(recipient.phone, text, key)).providerId;
    } else if (row.channel === "push" && row.recipientId) {
      const outcome = await sendPush(rt, row.recipientId, n, recipient);
      if (outcome.status !== "sent") {
        await markClosed(rt.db, deliveryId, outcome.status === "failed" ? "failed" : "skipped", outcome.reason ?? "no_device");
        return outcome;
      }
      providerId = outcome.providerId!;
    } else {
      return { status: "skipped" };
    }
    await markSent(rt.db, deliveryId, providerId);
    return { status: "sent", providerId };
  } catch (error) {
    logDeliveryError({ notificationId: n.id, channel: row.channel, deliveryId }, error);
    const reason = deliveryReasonOf(error);
    if (error instanceof PermanentDeliveryError) {
      const status = closedStatus(error);
      await markClosed(rt.db, deliveryId, status, reason);
      return { status, reason };
    }
    await markAttempt(rt.db, [deliveryId], reason);
    throw error;
  }
}

/** A channel switched off did not fail: nothing was meant to go out on it. */
function closedStatus(error: PermanentDeliveryError): "failed" | "skipped" {
  return error.reason === "channel_disabled" ? "skipped" : "failed";
}

async function sendPush(rt: DeliveryRuntime, userId: string, n: OutgoingNotification, recipient: Recipient): Promise<SendOutcome> {
  if (!rt.providers.push) return { status: "skipped", reason: "push_not_configured" };
  const all = await rt.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
  if (!all.length) return { status: "skipped", reason: "no_device" };
  // Subscriptions saved before the allowlist existed may point anywhere: never connect to those.
  const hosts = rt.pushHosts ?? configuredPushHostRules();
  const refused = all.filter((sub) => pushEndpointProblem(sub.endpoint, hosts) !== null);
  if (refused.length) {
    console.error(`[delivery] notification ${n.id} push: removed ${refused.length} subscription(s) to a push service that is not allowed`);
    await rt.db.delete(pushSubscriptions).where(
      inArray(
        pushSubscriptions.id,
        refused.map((s) => s.id),
      ),
    );
  }
  const subscriptions = all.filter((sub) => !refused.includes(sub));
  if (!subscriptions.length) return { status: "failed", reason: "endpoint_not_allowed" };
  const payload = composePush(n, recipient);
  let delivered = 0;
  let lastError: unknown;
  for (const sub of subscriptions) {
    try {
      await rt.providers.push.send(sub, payload, { urgent: n.priority === "urgent" || n.priority === "high" });
      delivered++;
      await rt.db.update(pushSubscriptions).set({ lastSuccessAt: clockNow() }).where(eq(pushSubscriptions.id, sub.id));
    } catch (error) {
      if (error instanceof PermanentDeliveryError && error.reason === "subscription_gone") {
        // The browser unsubscribed or the app was uninstalled: forget the endpoint.
        await rt.db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, sub.id));
      } else {
        logDeliveryError({ notificationId: n.id, channel: "push" }, error);
        lastError = error;
      }
    }
  }
  if (delivered > 0) return { status: "sent", providerId: `push:${delivered}/${subscriptions.length}` };
  if (lastError) throw lastError;
  return { status: "skipped", reason: "no_device" };
}

/**
 * Sends pending e-mail deliveries in batches of up to 100 (one request each against Resend's
 * rate limit). The idempotency key is derived from the batch's delivery ids, so a retried batch
 * is recognised by Resend and not sent again.
 */
export async function sendEmailBatch(rt: DeliveryRuntime, deliveryIds: string[]): Promise<{ sent: number; skipped: number; failed: number }> {
  const unique = [...new Set(deliveryIds)];
  const rows = (await loadForSend(rt.db, unique)).filter((r) => r.channel === "email" && r.status === "pending");
  const result = { sent: 0, skipped: unique.length - rows.length, failed: 0 };
  const live = [] as { deliveryId: string; notificationId: string; message: EmailMessage; key: string }[];
  for (const row of rows) {
    if (!row.active) {
      await markClosed(rt.db, row.deliveryId, "skipped", "recipient_inactive");
      result.skipped++;
      continue;
    }
    const n = row.notification as OutgoingNotification;
    live.push({
      deliveryId: row.deliveryId,
      notificationId: n.id,
      message: await composeEmail(n, row.recipient, rt.appUrl),
      key: idempotencyKey(n.id, "email"),
    });
  }
  // An invitation goes alone, through SMTP (see withCalendarSender); the rest in batches of 100.
  const plain = live.filter((c) => !c.message.calendar);
  const chunks = [
    ...Array.from({ length: Math.ceil(plain.length / 100) }, (_, i) => plain.slice(i * 100, i * 100 + 100)),
    ...live.filter((c) => c.message.calendar).map((c) => [c]),
  ];
  for (const unsorted of chunks) {
    const chunk = unsorted.sort((a, b) => a.deliveryId.localeCompare(b.deliveryId));
    const ids = chunk.map((c) => c.deliveryId);
    try {
      let providerIds: string[];
      if (rt.providers.email.sendBatch && chunk.length > 1) {
        const batchKey = `baton:batch:${createHash("sha256").update(ids.join(",")).digest("hex").slice(0, 40)}`;
        providerIds = (
          await rt.providers.email.sendBatch(
            chunk.map((c) => c.message),
            batchKey,
          )
        ).providerIds;
      } else {
        providerIds = [];
        for (const c of chunk) providerIds.push((await rt.providers.email.send(c.message, c.key)).providerId);
      }
      await markManySent(
        rt.db,
        chunk.map((c, j) => ({ deliveryId: c.deliveryId, providerId: providerIds[j]! })),
      );
      result.sent += chunk.length;
    } catch (error) {
      logDeliveryError({ notificationId: chunk.length === 1 ? chunk[0]!.notificationId : `batch of ${chunk.length}`, channel: "email" }, error);
      const reason = deliveryReasonOf(error);
      if (error instanceof PermanentDeliveryError) {
        const status = closedStatus(error);
        for (const c of chunk) await markClosed(rt.db, c.deliveryId, status, reason);
        result[status] += chunk.length;
        continue;
      }
      await markAttempt(rt.db, ids, reason);
      throw error;
    }
  }
  return result;
}

/** Sums up a notification once its deliveries have settled (the delivery log keeps the detail). */
export async function settleNotification(db: Db, notificationId: string): Promise<"pending" | "sent" | "failed"> {
  return (await settleNotifications(db, [notificationId])).get(notificationId)!;
}

/** The same for many notifications in three statements, so that a batch of 100 e-mails settles in one step. */
export async function settleNotifications(db: Db, notificationIds: string[]): Promise<Map<string, "pending" | "sent" | "failed">> {
  const outcome = new Map<string, "pending" | "sent" | "failed">();
  const unique = [...new Set(notificationIds)];
  if (!unique.length) return outcome;
  const rows = await db
    .select({
      id: notificationDeliveries.notificationId,
      pending: sql<boolean>`bool_or(${notificationDeliveries.status} = 'pending')`,
      allFailed: sql<boolean>`bool_and(${notificationDeliveries.status} = 'failed')`,
    })
    .from(notificationDeliveries)
    .where(inArray(notificationDeliveries.notificationId, unique))
    .groupBy(notificationDeliveries.notificationId);
  for (const id of unique) outcome.set(id, "sent");
  for (const r of rows) outcome.set(r.id, r.pending ? "pending" : r.allFailed ? "failed" : "sent");
  for (const status of ["sent", "failed"] as const) {
    const ids = unique.filter((id) => outcome.get(id) === status);
    if (!ids.length) continue;
    await db
      .update(notifications)
      .set({ status, sentAt: status === "sent" ? clockNow() : null })
      .where(and(inArray(notifications.id, ids), eq(notifications.status, "pending")));
  }
  return outcome;
}
