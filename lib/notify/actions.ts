"use server";

import { defineAction } from "@/lib/action/define";
import {
  markAllNotificationsRead,
  markNotificationRead,
  saveNotificationPreferences,
  saveOrganizationDefaults,
  saveSmsSettings,
  subscribeToPush,
  unsubscribeFromPush,
} from "./commands";
import { kindChannelsInput, saveKindChannels } from "./kind-preferences";
import {
  markAllReadInput,
  markReadInput,
  organizationDefaultsInput,
  preferencesInput,
  pushEndpointInput,
  pushSubscriptionInput,
  smsSettingsInput,
} from "./schema";

export const markNotificationReadAction = defineAction(markReadInput, (input, work) => markNotificationRead(work, input), {
  revalidate: () => ["/notifications"],
});

export const markAllNotificationsReadAction = defineAction(markAllReadInput, (_input, work) => markAllNotificationsRead(work), {
  revalidate: () => ["/notifications"],
});

export const saveNotificationPreferencesAction = defineAction(preferencesInput, (input, work) => saveNotificationPreferences(work, input), {
  revalidate: () => ["/settings/notifications"],
});

export const saveKindChannelsAction = defineAction(kindChannelsInput, (input, work) => saveKindChannels(work, input), {
  revalidate: () => ["/settings/notifications"],
});

export const saveOrganizationDefaultsAction = defineAction(organizationDefaultsInput, (input, work) => saveOrganizationDefaults(work, input), {
  revalidate: () => ["/admin/notifications"],
});

export const saveSmsSettingsAction = defineAction(smsSettingsInput, (input, work) => saveSmsSettings(work, input), {
  revalidate: () => ["/admin/notifications"],
});

export const subscribeToPushAction = defineAction(pushSubscriptionInput, (input, work) => subscribeToPush(work, input), {
  revalidate: () => ["/settings/notifications"],
});

export const unsubscribeFromPushAction = defineAction(pushEndpointInput, (input, work) => unsubscribeFromPush(work, input), {
  revalidate: () => ["/settings/notifications"],
});
