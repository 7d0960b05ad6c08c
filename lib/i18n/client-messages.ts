/**
 * The message namespaces client components read: useTranslations in every "use client" file and in
 * what those files import (PriorityLabel, StatusBadge...). The browser gets only these, so server-only
 * texts (e-mails, SMS, notices, pages' headings) stay on the server, and each part of the app gets only
 * its own: the root layout hands over the shell's (navigation, bell, menus: on every page), and each
 * section's layout adds its section's through <SectionMessages>. client-messages.test.ts walks every
 * page's imports and fails when a client file a page renders reads a namespace its section lacks.
 */
export const SHELL_NAMESPACES = [
  "common",
  "nav",
  "inbox.bell",
  "inbox.empty",
  "inbox.markAllRead",
  "inbox.showAll",
  "inbox.unread",
  // The bell answers invitations in place (EntryAnswer).
  "calendar.entry.answer",
  "calendar.entry.answered",
  "calendar.entry.failed",
  "calendar.entry.yourAnswer",
  "calendar.entry.yourAnswerTo",
  "calendar.response",
] as const;

/** What each section's client components read on top of the shell's. */
export const SECTION_NAMESPACES = {
  auth: ["auth", "invitations.answer"],
  tasks: [
    "tasks.announce",
    "tasks.channels",
    "tasks.comments",
    "tasks.form",
    "tasks.offset",
    "tasks.work",
    "tasks.checklist",
    "tasks.watch",
    "tasks.subtasks",
    "tasks.templateForm",
    "files",
  ],
  // My tasks, Delegated and Team: the page people open most carries only what its filters, views, rows, board and bulk
  // actions read.
  taskLists: [
    "tasks.filters",
    "tasks.list",
    "tasks.status",
    "tasks.subtasks.marker",
    "tasks.subtasks.listProgress",
    "tasks.views",
    "tasks.bulk",
    "tasks.board",
    "reminders.badge",
  ],
  calendar: ["calendar.view", "calendar.entry", "calendar.response", "calendar.form", "calendar.lanes", "invitations.form", "resources.finder"],
  resources: ["resources.form", "resources.timeline", "resources.manage", "calendar.lanes"],
  clients: ["crm.client", "crm.contacts"],
  cases: ["crm.case", "crm.kind", "crm.reassign", "crm.status", "files"],
  notifications: ["reminders.snooze"],
  settings: [
    "inbox.channel",
    "notifySettings",
    "settings.profile",
    "settings.password",
    "settings.phoneVerification",
    "settings.calendarSharing",
    "reminders.defaults",
    "tasks.channels",
    "tasks.detail.reminderBefore",
    "tasks.offset",
    "feeds",
  ],
  admin: [
    "admin.userForm",
    "inbox.channel",
    "notifySettings",
    "crm.rights",
    "crm.kind",
    "reminders.admin",
    "sms.admin",
    "resources.admin",
    "resources.kind",
    "feeds",
  ],
} as const satisfies Record<string, readonly string[]>;

export type MessageSection = keyof typeof SECTION_NAMESPACES;

/** Every namespace some client component reads (the shell's and every section's): for tests that render any of them. */
export const CLIENT_NAMESPACES: readonly string[] = [...new Set([...SHELL_NAMESPACES, ...Object.values(SECTION_NAMESPACES).flat()])];

type Tree = { [key: string]: unknown };

/** `base` with `extra`'s messages added in their places (extra wins where both hold the same key). */
export function mergeMessages<M extends Tree>(base: M, extra: Tree): M {
  const merged: Tree = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const present = merged[key];
    merged[key] = present && typeof present === "object" && value && typeof value === "object" ? mergeMessages(present as Tree, value as Tree) : value;
  }
  return merged as M;
}

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
