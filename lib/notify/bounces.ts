import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { notificationDeliveries } from "@/db/schema";

/** What Resend's `email.bounced` webhook says of the e-mail: its id at Resend and its Message-ID header. */
export interface BouncedMail {
  emailId: string;
  messageId: string | null;
}

/** A Message-ID with and without its angle brackets: providers write it either way. */
function messageIdForms(messageId: string | null): string[] {
  const bare = messageId?.trim().replace(/^<|>$/g, "");
  return bare ? [bare, `<${bare}>`] : [];
}

/**
 * Records that the recipient's mail server returned an e-mail Baton sent: its delivery row becomes
 * failed with the reason "bounced", so the notification history and an invitation's delivery
 * log say so. The row is found by the provider id it was sent with: Resend's email id (its HTTP
 * API) or the Message-ID Baton gave it (the SMTP relay, which invitations use). Returns how many
 * rows changed; an e-mail Baton does not know changes nothing.
 */
export async function recordBounce(db: DbOrTx, mail: BouncedMail, at: Date): Promise<number> {
  const ids = [mail.emailId, ...messageIdForms(mail.messageId)].filter(Boolean);
  if (!ids.length) return 0;
  const changed = await db
    .update(notificationDeliveries)
    .set({ status: "failed", reason: "bounced", updatedAt: at })
    .where(
      and(eq(notificationDeliveries.channel, "email"), inArray(notificationDeliveries.providerId, ids), sql`${notificationDeliveries.status} <> 'pending'`),
    )
    .returning({ id: notificationDeliveries.id });
  return changed.length;
}
