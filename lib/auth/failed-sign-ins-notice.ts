import { createTranslator } from "next-intl";
import type { Db } from "@/db";
import { formatInstantFor } from "@/lib/i18n/format-for";
import { messages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locale";
import { runUnit } from "@/lib/effects/unit";
import { writeOutbox } from "@/lib/notify/outbox";

export interface AccountOwner {
  id: string;
  locale: Locale;
  timeZone: string;
}

/**
 * Tells the owner that their account's sign-in limit tripped: how many failed attempts and
 * when, in their language and zone. No addresses, no passwords. The dedupe key names the
 * block, so the notice goes once per block however many attempts follow. It is a unit of its
 * own (sign-in counts its attempts statement by statement, outside any transaction), delivered
 * once it has committed.
 */
export async function notifyFailedSignIns(
  db: Db,
  owner: AccountOwner,
  block: { failures: number; windowStartedAt: Date; at: Date; blockedUntil: Date },
): Promise<string[]> {
  const t = createTranslator({ locale: owner.locale, messages: messages[owner.locale], namespace: "auth.notice.failedSignIns" });
  const values = {
    count: block.failures,
    since: formatInstantFor(block.windowStartedAt, owner),
    time: formatInstantFor(block.at, owner),
    until: formatInstantFor(block.blockedUntil, owner),
  };
  return runUnit(
    db,
    null,
    (work) =>
      writeOutbox(work, [
        {
          recipientId: owner.id,
          kind: "auth.failedSignIns",
          priority: "high",
          // By e-mail whatever the routing matrix says: the owner must hear of it off the app.
          channel: "email",
          title: t("title", values),
          body: t("body", values),
          link: "/settings/profile",
          dedupeKey: `auth:failed-sign-ins:${owner.id}:${block.windowStartedAt.toISOString()}`,
          payload: { failures: block.failures, at: block.at.toISOString() },
        },
      ]),
    { now: block.at },
  );
}
