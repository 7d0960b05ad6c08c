import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db";
import { notifications, users } from "@/db/schema";
import { notificationPreferences, organizationSettings, pushSubscriptions } from "@/db/schema";
import { Forbidden, Invalid, NotFound } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import { organizationMatrix } from "./plan";
import { configuredPushHostRules } from "./push-allowlist";
import { pushEndpointProblem, type PushHostRule } from "./push-endpoints";
import { DEFAULT_MATRIX, PRIORITIES, WORKING_MODES, type ChannelMatrix } from "./routing";
import type { organizationDefaultsInput, preferencesInput, pushSubscriptionInput } from "./schema";

export async function markNotificationRead(db: Db, viewer: Viewer, id: string): Promise<void> {
  const updated = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, id), eq(notifications.recipientId, viewer.id)))
    .returning({ id: notifications.id });
  if (!updated.length) throw new NotFound("notFound");
}

export async function markAllNotificationsRead(db: Db, viewer: Viewer): Promise<number> {
  const updated = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.recipientId, viewer.id), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return updated.length;
}

/** Only the cells that differ from `base`, so later changes of the defaults still reach a person. */
function differences(matrix: ChannelMatrix, base: ChannelMatrix): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  for (const mode of WORKING_MODES) {
    for (const priority of PRIORITIES) {
      if (matrix[mode][priority].join(",") !== base[mode][priority].join(",")) (out[mode] ??= {})[priority] = matrix[mode][priority];
    }
  }
  return out;
}

export async function saveNotificationPreferences(db: Db, viewer: Viewer, input: z.output<typeof preferencesInput>): Promise<void> {
  await db.transaction(async (tx) => {
    const base = await organizationMatrix(tx);
    const values = {
      matrix: differences(input.matrix, base),
      quietStart: input.quietHours?.start ?? null,
      quietEnd: input.quietHours?.end ?? null,
      updatedAt: new Date(),
    };
    await tx
      .insert(notificationPreferences)
      .values({ userId: viewer.id, ...values })
      .onConflictDoUpdate({ target: notificationPreferences.userId, set: values });
    await tx.update(users).set({ workingMode: input.workingMode, updatedAt: new Date() }).where(eq(users.id, viewer.id));
  });
}

export async function saveOrganizationDefaults(db: Db, viewer: Viewer, input: z.output<typeof organizationDefaultsInput>): Promise<void> {
  if (viewer.role !== "admin") throw new Forbidden("adminOnly");
  const values = { notificationMatrix: differences(input.matrix, DEFAULT_MATRIX), updatedAt: new Date() };
  await db
    .insert(organizationSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: organizationSettings.id, set: values });
}

/**
 * Registers this device for push; an endpoint that moved to another account now belongs to the
 * viewer. Only the browsers' push services (and PUSH_ALLOWED_HOSTS) are accepted: the server
 * connects to this URL later, so anything else would let a person aim it at internal hosts.
 */
export async function subscribeToPush(
  db: Db,
  viewer: Viewer,
  input: z.output<typeof pushSubscriptionInput>,
  hosts: readonly PushHostRule[] = configuredPushHostRules(),
): Promise<void> {
  if (pushEndpointProblem(input.endpoint, hosts))
    throw new Invalid("notify.errors.pushEndpointNotAllowed", { endpoint: ["notify.errors.pushEndpointNotAllowed"] });
  const values = { userId: viewer.id, p256dh: input.keys.p256dh, auth: input.keys.auth, deviceLabel: input.deviceLabel ?? null };
  await db
    .insert(pushSubscriptions)
    .values({ endpoint: input.endpoint, ...values })
    .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: values });
}

export async function unsubscribeFromPush(db: Db, viewer: Viewer, endpoint: string): Promise<void> {
  await db.delete(pushSubscriptions).where(and(eq(pushSubscriptions.endpoint, endpoint), eq(pushSubscriptions.userId, viewer.id)));
}
