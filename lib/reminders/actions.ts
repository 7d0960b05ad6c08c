"use server";

import { defineAction } from "@/lib/action/define";
import { formatInstantFor } from "@/lib/i18n/format-for";
import { addDayOff, removeDayOff, saveEscalationSettings, saveReminderDefaults, snoozeReminder } from "./commands";
import { addDayOffInput, escalationSettingsInput, reminderDefaultsInput, removeDayOffInput, snoozeInput } from "./schema";

// The new moment goes back already written in the viewer's date format: the browser formats no dates.
export const snoozeReminderAction = defineAction(
  snoozeInput,
  async (input, work) => {
    const { fireAt } = await snoozeReminder(work, input);
    return { fireAt, fireAtText: formatInstantFor(fireAt, work.viewer) };
  },
  {
    revalidate: () => ["/notifications"],
  },
);

export const saveEscalationSettingsAction = defineAction(escalationSettingsInput, (input, work) => saveEscalationSettings(work, input), {
  revalidate: () => ["/admin/escalation"],
});

export const addDayOffAction = defineAction(addDayOffInput, (input, work) => addDayOff(work, input), {
  revalidate: () => ["/admin/escalation"],
});

export const removeDayOffAction = defineAction(removeDayOffInput, (input, work) => removeDayOff(work, input), {
  revalidate: () => ["/admin/escalation"],
});

export const saveReminderDefaultsAction = defineAction(reminderDefaultsInput, (input, work) => saveReminderDefaults(work, input), {
  revalidate: () => ["/settings/notifications"],
});
