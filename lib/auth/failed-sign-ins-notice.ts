import type { Db } from "@/db";
import type { Locale } from "@/lib/i18n/locale";
import { runUnit } from "@/lib/effects/unit";
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
 * No addresses, no passwords. The dedupe key names the block, so the notice goes once per block
 * however many attempts follow. It is a unit of its own (sign-in counts its attempts statement by
 * statement, outside any transaction), delivered once it has committed.
 */
export async function notifyFailedSignIns(
  db: Db,
  owner: AccountOwner,
  block: { failures: number; windowStartedAt: Date; at: Date; blockedUntil: Date },
): Promise<string[]> {
  const payload = {
    failures: block.failures,
    since: block.windowStartedAt.toISOString(),
    at: block.at.toISOString(),
    until: block.blockedUntil.toISOString(),
  };
  return runUnit(db, null, (work) => writeOutbox(work, [notice("auth.failedSignIns", payload, owner)]), { now: block.at });
}
