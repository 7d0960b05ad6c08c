"use server";

import { defineAction } from "@/lib/action/define";
import { saveEscalationSettings, saveReminderDefaults, snoozeReminder } from "./commands";
import { escalationSettingsInput, reminderDefaultsInput, snoozeInput } from "./schema";

export const snoozeReminderAction = defineAction(snoozeInput, (input, work) => snoozeReminder(work, input), {
  revalidate: () => ["/notifications"],
});

export const saveEscalationSettingsAction = defineAction(escalationSettingsInput, (input, work) => saveEscalationSettings(work, input), {
  revalidate: () => ["/admin/escalation"],
});

export const saveReminderDefaultsAction = defineAction(reminderDefaultsInput, (input, work) => saveReminderDefaults(work, input), {
  revalidate: () => ["/settings/notifications"],
});
