"use server";

import { defineAction } from "@/lib/action/define";
import { saveEscalationSettings, saveReminderDefaults, snoozeReminder } from "./commands";
import { escalationSettingsInput, reminderDefaultsInput, snoozeInput } from "./schema";

export const snoozeReminderAction = defineAction(snoozeInput, (input, { db, viewer, effects }) => snoozeReminder(db, viewer, input, effects), {
  revalidate: () => ["/notifications"],
});

export const saveEscalationSettingsAction = defineAction(
  escalationSettingsInput,
  (input, { db, viewer, effects }) => saveEscalationSettings(db, viewer, input, effects),
  {
    revalidate: () => ["/admin/escalation"],
  },
);

export const saveReminderDefaultsAction = defineAction(
  reminderDefaultsInput,
  (input, { db, viewer, effects }) => saveReminderDefaults(db, viewer, input, effects),
  {
    revalidate: () => ["/settings/notifications"],
  },
);
