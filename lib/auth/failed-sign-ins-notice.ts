import type { Db } from "@/db";
import type { Locale } from "@/lib/i18n/locale";
import type { Effects } from "@/lib/effects";
import { notice } from "@/lib/notify/notice";
import { writeOutbox } from "@/lib/notify/outbox";

export interface AccountOwner {
  id: string;
  locale: Locale;
  timeZone: string;
}

/**
 * Tells the owner that their account's sign-in limit tripped: how many failed attempts and
 * when, in their language and zone, by e-mail (the "auth.failedSignIns" kind of ./notice-kinds.ts).
 * The dedupe key names the block, so the notice goes once per block however many attempts follow.
 */
export async function notifyFailedSignIns(
  db: Db,
  owner: AccountOwner,
  block: { failures: number; windowStartedAt: Date; at: Date; blockedUntil: Date },
  effects: Effects,
): Promise<string[]> {
  const payload = {
    failures: block.failures,
    since: block.windowStartedAt.toISOString(),
    at: block.at.toISOString(),
    until: block.blockedUntil.toISOString(),
  };
  return db.transaction((tx) => writeOutbox(tx, [notice("auth.failedSignIns", payload, owner)], effects));
}
