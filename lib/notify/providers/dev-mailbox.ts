import type { DbOrTx } from "@/db";
import { devMessages } from "@/db/schema";
import type { EmailSender } from "./email";
import type { SmsSender } from "./sms";

/**
 * With no provider keys, e-mail and SMS are kept in the development mailbox exactly as they
 * would have been sent. The idempotency key is unique there too, so retries never duplicate.
 */
export function devMailboxEmail(db: DbOrTx): EmailSender {
  return {
    name: "dev-mailbox",
    async send(message, idempotencyKey) {
      const [row] = await db
        .insert(devMessages)
        .values({
          channel: "email",
          recipient: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          headers: { ...message.headers, ...(message.replyTo ? { "Reply-To": message.replyTo } : {}) },
          calendar: message.calendar?.content ?? null,
          idempotencyKey,
        })
        .onConflictDoUpdate({ target: devMessages.idempotencyKey, set: { idempotencyKey } })
        .returning({ id: devMessages.id });
      return { providerId: `dev_${row!.id}` };
    },
  };
}

export function devMailboxSms(db: DbOrTx): SmsSender {
  return {
    name: "dev-mailbox",
    async send(to, body, idempotencyKey) {
      const [row] = await db
        .insert(devMessages)
        .values({ channel: "sms", recipient: to, text: body, idempotencyKey })
        .onConflictDoUpdate({ target: devMessages.idempotencyKey, set: { idempotencyKey } })
        .returning({ id: devMessages.id });
      return { providerId: `dev_${row!.id}` };
    },
  };
}
