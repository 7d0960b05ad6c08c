"use server";

import { defineAction } from "@/lib/action/define";
import { saveEscalationSettings, saveReminderDefaults, snoozeReminder } from "./commands";
import { escalationSettingsInput, reminderDefaultsInput, snoozeInput } from "./schema";

export const snoozeReminderAction = defineAction(snoozeInput, (input, { db, viewer, effects }) => snoozeReminder(db, viewer, input, effects), {
  revalidate: () => ["/notifications"],
});

export const saveEscalationSettingsAction = defineAction(escalationSettingsInput, (input, { db, viewer }) => saveEscalationSettings(db, viewer, input), {
  revalidate: () => ["/admin/escalation"],
});

export const saveReminderDefaultsAction = defineAction(reminderDefaultsInput, (input, { db, viewer }) => saveReminderDefaults(db, viewer, input), {
  revalidate: () => ["/settings/notifications"],
});
