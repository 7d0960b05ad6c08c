/**
 * The message namespaces client components read: useTranslations in every "use client" file and in
 * what those files import (PriorityLabel, StatusBadge...). The root layout hands the browser only
 * these, so server-only texts (e-mails, SMS, notices, pages' headings) stop riding in every page's
 * payload. client-messages.test.ts walks the client files and fails when one reads a namespace
 * missing here.
 */
export const CLIENT_NAMESPACES = [
  "common",
  "nav",
  "auth",
  "inbox.bell",
  "inbox.channel",
  "inbox.empty",
  "inbox.markAllRead",
  "inbox.showAll",
  "inbox.unread",
  "notifySettings",
  "crm.case",
  "crm.client",
  "crm.contacts",
  "crm.kind",
  "crm.reassign",
  "crm.rights",
  "crm.status",
  "calendar.view",
  "calendar.entry",
  "calendar.response",
  "calendar.form",
  "tasks.announce",
  "tasks.channels",
  "tasks.comments",
  "tasks.detail.reminderBefore",
  "tasks.filters",
  "tasks.form",
  "tasks.list",
  "tasks.offset",
  "tasks.status",
  "tasks.work",
  "tasks.checklist",
  "tasks.subtasks",
  "reminders.badge",
  "resources.finder",
  "reminders.defaults",
  "reminders.admin",
  "reminders.snooze",
  "admin.userForm",
  "settings.profile",
  "settings.password",
  "settings.phoneVerification",
  "settings.calendarSharing",
  "sms.admin",
  "calendar.lanes",
  "resources.form",
  "resources.timeline",
  "resources.kind",
  "resources.admin",
  "resources.manage",
  "invitations.answer",
  "invitations.form",
  "feeds",
] as const;

type Tree = { [key: string]: unknown };

/** The messages under the given dotted namespaces, in their places; a namespace that names nothing is left out. */
export function pickMessages<M extends Tree>(messages: M, namespaces: readonly string[]): M {
  const picked: Tree = {};
  for (const namespace of namespaces) {
    const path = namespace.split(".");
    let value: unknown = messages;
    for (const key of path) value = value && typeof value === "object" ? (value as Tree)[key] : undefined;
    if (value === undefined) continue;
    let into = picked;
    for (const key of path.slice(0, -1)) into = (into[key] ??= {}) as Tree;
    into[path[path.length - 1]!] = value;
  }
  return picked as M;
}
