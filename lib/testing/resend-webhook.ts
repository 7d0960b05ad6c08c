import { createHmac, randomUUID } from "node:crypto";
import type { FakeInboundMail } from "./fake-providers";

/** What svix (Resend's webhooks) sends: `v1,` and the base64 HMAC-SHA-256 of id.timestamp.body under the secret's bytes. */
export function svixSignature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

/** One `email.received` webhook delivery: its svix id and its JSON body, as Resend posts it. */
export interface WebhookDelivery {
  emailId: string;
  svixId: string;
  body: string;
}

/** The `email.received` webhook Resend sends for a mail that arrived (`emailId`: the receiving API's id). */
export function webhookFor(emailId: string, mail: FakeInboundMail): WebhookDelivery {
  const body = JSON.stringify({
    type: "email.received",
    created_at: new Date().toISOString(),
    data: {
      email_id: emailId,
      created_at: new Date().toISOString(),
      from: mail.from,
      to: mail.to,
      bcc: [],
      cc: [],
      received_for: mail.to,
      message_id: `<${emailId}@mail.example>`,
      subject: mail.subject,
      attachments: [],
    },
  });
  return { emailId, svixId: `msg_${randomUUID()}`, body };
}

/** The svix headers of a delivery signed with `secret` at `timestamp` (seconds). */
export function signedHeaders(secret: string, d: WebhookDelivery, timestamp: number = Math.floor(Date.now() / 1000)): Record<string, string> {
  return { "svix-id": d.svixId, "svix-timestamp": String(timestamp), "svix-signature": svixSignature(secret, d.svixId, timestamp, d.body) };
}
