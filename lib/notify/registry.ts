import type { z } from "zod";
// The one place lib/notify knows the domains: each lists its kinds, and this file lists the lists.
import { authNoticeKinds } from "@/lib/auth/notice-kinds";
import { invitationNoticeKinds } from "@/lib/calendar/invitation-kinds";
import { invitationAnswerState } from "@/lib/calendar/invitations";
import { calendarNoticeKinds } from "@/lib/calendar/notice-kinds";
import { caseNoticeKinds } from "@/lib/crm/notice-kinds";
import { reminderNoticeKinds } from "@/lib/reminders/notice-kinds";
import { resourceNoticeKinds } from "@/lib/resources/notice-kinds";
import { batchNoticeKinds } from "@/lib/tasks/batch-notice-kind";
import { taskNoticeKinds } from "@/lib/tasks/notice-kinds";
import { watchNoticeKinds } from "@/lib/tasks/watch-notice-kinds";
import type { NoticeKind, NoticeLiveState } from "./kinds";

/** Every domain's live state of its notices (kinds.ts): the bell's validator includes them. */
export const NOTICE_LIVE_STATES: readonly NoticeLiveState[] = [invitationAnswerState];

const ALL_KINDS = [
  ...taskNoticeKinds,
  ...watchNoticeKinds,
  ...batchNoticeKinds,
  ...reminderNoticeKinds,
  ...caseNoticeKinds,
  ...authNoticeKinds,
  ...calendarNoticeKinds,
  ...invitationNoticeKinds,
  ...resourceNoticeKinds,
] as const;

type AnyKind = (typeof ALL_KINDS)[number];
/** Every kind's key: "task.assigned", "case.assigned", "reminder.task", … */
export type NoticeKey = AnyKind["key"];
export type KindOf<K extends NoticeKey> = Extract<AnyKind, { key: K }>;
/** What `notice(key, payload, …)` takes for that kind: a wrong field fails the typecheck. */
export type NoticePayload<K extends NoticeKey> = z.input<KindOf<K>["payload"]>;

const byKey = new Map<string, NoticeKind>();
for (const kind of ALL_KINDS) {
  if (byKey.has(kind.key)) throw new Error(`notification kind ${kind.key} is declared twice`);
  byKey.set(kind.key, kind as NoticeKind);
}

/** The kind's entry, or undefined for a key no domain declares (an old row, a removed kind). */
export function kindOf(key: string): NoticeKind | undefined {
  return byKey.get(key);
}

export function noticeKeys(): string[] {
  return [...byKey.keys()];
}
