import type { Locale } from "./locale";
import plCommon from "./messages/pl/common.json";
import enCommon from "./messages/en/common.json";
import plAuth from "./messages/pl/auth.json";
import enAuth from "./messages/en/auth.json";
import plErrors from "./messages/pl/errors.json";
import enErrors from "./messages/en/errors.json";
import plAdmin from "./messages/pl/admin.json";
import enAdmin from "./messages/en/admin.json";
import plSettings from "./messages/pl/settings.json";
import enSettings from "./messages/en/settings.json";
import plCrm from "./messages/pl/crm.json";
import enCrm from "./messages/en/crm.json";
import plWork from "./messages/pl/work.json";
import enWork from "./messages/en/work.json";
import plTasks from "./messages/pl/tasks.json";
import enTasks from "./messages/en/tasks.json";
import plCalendar from "./messages/pl/calendar.json";
import enCalendar from "./messages/en/calendar.json";
import plNotify from "./messages/pl/notify.json";
import enNotify from "./messages/en/notify.json";
import plReminders from "./messages/pl/reminders.json";
import enReminders from "./messages/en/reminders.json";
import plResources from "./messages/pl/resources.json";
import enResources from "./messages/en/resources.json";
import plSms from "./messages/pl/sms.json";
import enSms from "./messages/en/sms.json";
import plInvitations from "./messages/pl/invitations.json";
import enInvitations from "./messages/en/invitations.json";
import plFeeds from "./messages/pl/feeds.json";
import enFeeds from "./messages/en/feeds.json";
import plFiles from "./messages/pl/files.json";
import enFiles from "./messages/en/files.json";

// One file per area keeps parallel work from colliding; the keys are checked for parity in tests.
export const messages = {
  pl: {
    ...plCommon,
    ...plAuth,
    ...plErrors,
    ...plAdmin,
    ...plSettings,
    ...plCrm,
    ...plWork,
    ...plTasks,
    ...plCalendar,
    ...plNotify,
    ...plReminders,
    ...plResources,
    ...plSms,
    ...plInvitations,
    ...plFeeds,
    ...plFiles,
  },
  en: {
    ...enCommon,
    ...enAuth,
    ...enErrors,
    ...enAdmin,
    ...enSettings,
    ...enCrm,
    ...enWork,
    ...enTasks,
    ...enCalendar,
    ...enNotify,
    ...enReminders,
    ...enResources,
    ...enSms,
    ...enInvitations,
    ...enFeeds,
    ...enFiles,
  },
} satisfies Record<Locale, Record<string, unknown>>;

export type Messages = (typeof messages)["pl"];
