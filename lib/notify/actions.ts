"use server";

import { defineAction } from "@/lib/action/define";
import {
  markAllNotificationsRead,
  markNotificationRead,
  saveNotificationPreferences,
  saveOrganizationDefaults,
  subscribeToPush,
  unsubscribeFromPush,
} from "./commands";
import { markAllReadInput, markReadInput, organizationDefaultsInput, preferencesInput, pushEndpointInput, pushSubscriptionInput } from "./schema";

export const markNotificationReadAction = defineAction(markReadInput, ({ id }, { db, viewer }) => markNotificationRead(db, viewer, id), {
  revalidate: () => ["/notifications"],
});

export const markAllNotificationsReadAction = defineAction(markAllReadInput, (_input, { db, viewer }) => markAllNotificationsRead(db, viewer), {
  revalidate: () => ["/notifications"],
});

export const saveNotificationPreferencesAction = defineAction(preferencesInput, (input, { db, viewer }) => saveNotificationPreferences(db, viewer, input), {
  revalidate: () => ["/settings/notifications"],
});

export const saveOrganizationDefaultsAction = defineAction(organizationDefaultsInput, (input, { db, viewer }) => saveOrganizationDefaults(db, viewer, input), {
  revalidate: () => ["/admin/notifications"],
});

export const subscribeToPushAction = defineAction(pushSubscriptionInput, (input, { db, viewer }) => subscribeToPush(db, viewer, input), {
  revalidate: () => ["/settings/notifications"],
});

export const unsubscribeFromPushAction = defineAction(pushEndpointInput, ({ endpoint }, { db, viewer }) => unsubscribeFromPush(db, viewer, endpoint), {
  revalidate: () => ["/settings/notifications"],
});
