import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { notifications, users } from "@/db/schema";
import { notificationPreferences, organizationSettings, pushSubscriptions } from "@/db/schema";
import { Forbidden, Invalid, NotFound } from "@/lib/action/errors";
import type { Work } from "@/lib/effects/unit";
import { organizationMatrix } from "./plan";
import { configuredPushHostRules } from "./push-allowlist";
import { pushEndpointProblem, type PushHostRule } from "./push-endpoints";
import { DEFAULT_MATRIX, PRIORITIES, WORKING_MODES, type ChannelMatrix } from "./routing";
import type { organizationDefaultsInput, preferencesInput, pushSubscriptionInput, smsSettingsInput } from "./schema";

export async function markNotificationRead({ tx, viewer, now }: Work, { id }: { id: string }): Promise<void> {
  const updated = await tx
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.id, id), eq(notifications.recipientId, viewer.id)))
    .returning({ id: notifications.id });
  if (!updated.length) throw new NotFound("notFound");
}

export async function markAllNotificationsRead({ tx, viewer, now }: Work): Promise<number> {
  const updated = await tx
    .update(notifications)
    .set({ readAt: now })
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

export async function saveNotificationPreferences({ tx, viewer, now }: Work, input: z.output<typeof preferencesInput>): Promise<void> {
  const base = await organizationMatrix(tx);
  const values = {
    matrix: differences(input.matrix, base),
    quietStart: input.quietHours?.start ?? null,
    quietEnd: input.quietHours?.end ?? null,
    updatedAt: now,
  };
  await tx
    .insert(notificationPreferences)
    .values({ userId: viewer.id, ...values })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: values });
  await tx.update(users).set({ workingMode: input.workingMode, updatedAt: now }).where(eq(users.id, viewer.id));
}

export async function saveOrganizationDefaults({ tx, viewer, now }: Work, input: z.output<typeof organizationDefaultsInput>): Promise<void> {
  if (viewer.role !== "admin") throw new Forbidden("adminOnly");
  const values = { notificationMatrix: differences(input.matrix, DEFAULT_MATRIX), updatedAt: now };
  await tx
    .insert(organizationSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: organizationSettings.id, set: values });
}

export async function saveSmsSettings({ tx, viewer, now }: Work, input: z.output<typeof smsSettingsInput>): Promise<void> {
  if (viewer.role !== "admin") throw new Forbidden("adminOnly");
  const values = { smsGsm7: input.gsm7, updatedAt: now };
  await tx
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
  { tx, viewer, now }: Work,
  input: z.output<typeof pushSubscriptionInput>,
  hosts: readonly PushHostRule[] = configuredPushHostRules(),
): Promise<void> {
  if (pushEndpointProblem(input.endpoint, hosts))
    throw new Invalid("notify.errors.pushEndpointNotAllowed", { endpoint: ["notify.errors.pushEndpointNotAllowed"] });
  const values = { userId: viewer.id, p256dh: input.keys.p256dh, auth: input.keys.auth, deviceLabel: input.deviceLabel ?? null };
  await tx
    .insert(pushSubscriptions)
    .values({ endpoint: input.endpoint, createdAt: now, ...values })
    .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: values });
}

export async function unsubscribeFromPush({ tx, viewer }: Work, { endpoint }: { endpoint: string }): Promise<void> {
  await tx.delete(pushSubscriptions).where(and(eq(pushSubscriptions.endpoint, endpoint), eq(pushSubscriptions.userId, viewer.id)));
}
