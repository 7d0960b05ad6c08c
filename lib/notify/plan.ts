import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { notifications, users } from "@/db/schema";
import { notificationDeliveries, notificationPreferences, organizationSettings } from "@/db/schema";
import { disabledChannels } from "./deployment-channels";
import { kindOf } from "./registry";
import { DEFAULT_MATRIX, mergeMatrix, ROUTABLE_CHANNELS, routeNotification, type ChannelMatrix, type RoutableChannel } from "./routing";

type MatrixOverrides = Parameters<typeof mergeMatrix>[1];

/** The organisation's routing defaults: the product defaults overlaid with what admins changed. */
export async function organizationMatrix(db: DbOrTx): Promise<ChannelMatrix> {
  const [row] = await db.select({ matrix: organizationSettings.notificationMatrix }).from(organizationSettings).where(eq(organizationSettings.id, 1));
  return mergeMatrix(DEFAULT_MATRIX, (row?.matrix ?? {}) as MatrixOverrides);
}

/**
 * Decides, inside the transaction that wrote the notifications, which channels carry each one
 * and when (quiet hours in the recipient's zone), and writes a pending delivery per channel.
 * In-app needs no delivery: the notification row is what the bell shows.
 */
export async function planDeliveries(
  tx: DbOrTx,
  notificationIds: string[],
  now: Date,
  switchedOff: readonly RoutableChannel[] = disabledChannels(),
): Promise<number> {
  if (!notificationIds.length) return 0;
  const rows = await tx
    .select({
      id: notifications.id,
      kind: notifications.kind,
      priority: notifications.priority,
      channel: notifications.channel,
      // Null for a notification to an address (someone outside Baton).
      user: {
        email: users.email,
        phone: users.phone,
        phoneVerifiedAt: users.phoneVerifiedAt,
        mode: users.workingMode,
        timeZone: users.timeZone,
        active: users.active,
      },
      prefMatrix: notificationPreferences.matrix,
      kindChannels: notificationPreferences.kindChannels,
      quietStart: notificationPreferences.quietStart,
      quietEnd: notificationPreferences.quietEnd,
    })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.recipientId))
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(inArray(notifications.id, notificationIds));
  if (!rows.length) return 0;

  const orgMatrix = await organizationMatrix(tx);
  const values: (typeof notificationDeliveries.$inferInsert)[] = [];
  for (const { user: person, ...row } of rows) {
    if (!person) {
      // Someone outside Baton has no preferences, devices or bell: e-mail is all there is.
      if (!switchedOff.includes("email")) values.push({ notificationId: row.id, channel: "email", position: 1, createdAt: now, updatedAt: now });
      continue;
    }
    if (!person.active) continue;
    const matrix = row.prefMatrix ? mergeMatrix(orgMatrix, row.prefMatrix as MatrixOverrides) : orgMatrix;
    // A notification written for one channel (a reminder "by SMS") goes there alone.
    const forced = row.channel && row.channel !== "in_app" ? [row.channel as RoutableChannel] : null;
    // A kind routed on its own (a watched task's news) goes where its reader chose for it, whatever the priority.
    const own = forced ?? kindChannelsFor(row.kind, row.kindChannels);
    const effective = own ? ({ ...matrix, [person.mode]: { ...matrix[person.mode], [row.priority]: own } } as ChannelMatrix) : matrix;
    const routed = routeNotification({
      priority: row.priority,
      mode: person.mode,
      matrix: effective,
      quietHours: row.quietStart && row.quietEnd ? { start: row.quietStart, end: row.quietEnd } : null,
      timeZone: person.timeZone,
      now,
      hasEmail: Boolean(person.email),
      hasPhone: Boolean(person.phone && person.phoneVerifiedAt),
      hasUnverifiedPhone: Boolean(person.phone && !person.phoneVerifiedAt),
      switchedOff,
    });
    routed.forEach((r, position) => {
      if (r.channel === "in_app") return;
      values.push(
        r.skipped
          ? { notificationId: row.id, channel: r.channel, position, status: "skipped", reason: r.skipped, createdAt: now, updatedAt: now }
          : { notificationId: row.id, channel: r.channel, position, deliverAfter: r.deliverAfter, createdAt: now, updatedAt: now },
      );
    });
  }
  if (values.length) await tx.insert(notificationDeliveries).values(values).onConflictDoNothing();
  return values.length;
}

/** The channels besides in-app of a kind routed on its own: the reader's choice, else the kind's default; null for a matrix-routed kind. */
export function kindChannelsFor(kind: string, chosen: Record<string, string[]> | null | undefined): RoutableChannel[] | null {
  const own = kindOf(kind)?.ownChannels;
  if (!own) return null;
  const picked = chosen?.[kind];
  return picked ? ROUTABLE_CHANNELS.filter((c) => picked.includes(c)) : [...own];
}
