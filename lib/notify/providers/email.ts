import { Resend } from "resend";
import type { EmailCalendar } from "../kinds";
import { PermanentDeliveryError } from "./errors";
import { createPacer, type Pacer } from "./pacer";

export interface EmailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  replyTo?: string;
  /** An invitation: only an SMTP sender can send it as mail clients want it (see withCalendarSender). */
  calendar?: EmailCalendar;
}

export interface EmailSender {
  readonly name: "resend" | "smtp" | "dev-mailbox" | "disabled";
  /** Sends once per idempotency key: a retry with the same key never sends a second e-mail. */
  send(message: EmailMessage, idempotencyKey: string): Promise<{ providerId: string }>;
  /** Up to 100 e-mails in one request (Resend's batch endpoint): one request against the rate limit. */
  sendBatch?(messages: EmailMessage[], idempotencyKey: string): Promise<{ providerIds: string[] }>;
}

// Resend answers these for input it will never accept; anything else (429, 5xx) is worth a retry.
const PERMANENT = new Set(["validation_error", "invalid_from_address", "invalid_to_address", "missing_required_field", "invalid_parameter"]);

/**
 * Resend's default rate limit is 2 requests a second for the whole team, whatever the endpoint: a
 * single e-mail and a batch of 100 cost one request each. Every Resend sender of this process
 * shares this pacer (a runtime is built per job, a sender with it), so concurrent jobs take their
 * turns instead of answering each other's 429s. Across processes Inngest's throttle on
 * send-email-batch keeps the total under the limit.
 */
const resendPacer = createPacer({ limit: 2, periodMs: 1000 });

/**
 * Each attempt waits for its turn just before the HTTP call. A 429 can still come when another
 * process used the limit: then this whole process waits as told (Retry-After) and tries again
 * here rather than failing the step.
 */
async function paced<T extends { error: { name: string } | null; headers?: Record<string, string> | null }>(pacer: Pacer, call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const result = await pacer.run(call);
    if (result.error?.name !== "rate_limit_exceeded" || attempt >= 4) return result;
    const retryAfter = Number(result.headers?.["retry-after"]);
    pacer.pause(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 1000);
  }
}

export function resendSender(config: { apiKey: string; from: string; baseUrl?: string; pacer?: Pacer }): EmailSender {
  const pacer = config.pacer ?? resendPacer;
  const client = new Resend(config.apiKey, config.baseUrl ? { baseUrl: config.baseUrl } : undefined);
  return {
    name: "resend",
    async send(message, idempotencyKey) {
      const { data, error } = await paced(pacer, () =>
        client.emails.send(
          {
            from: config.from,
            to: message.to,
            subject: message.subject,
            html: message.html,
            text: message.text,
            headers: message.headers,
            replyTo: message.replyTo,
          },
          { idempotencyKey },
        ),
      );
      if (error) {
        if (PERMANENT.has(error.name)) throw new PermanentDeliveryError("invalid_recipient", `Resend: ${error.message}`);
        throw new Error(`Resend ${error.name}: ${error.message}`);
      }
      if (!data?.id) throw new Error("Resend returned no id");
      return { providerId: data.id };
    },
    async sendBatch(messages, idempotencyKey) {
      if (messages.length > 100) throw new Error("Resend takes at most 100 e-mails per batch");
      const { data, error } = await paced(pacer, () =>
        client.batch.send(
          messages.map((m) => ({ from: config.from, to: m.to, subject: m.subject, html: m.html, text: m.text, headers: m.headers })),
          { idempotencyKey },
        ),
      );
      if (error) {
        if (PERMANENT.has(error.name)) throw new PermanentDeliveryError("invalid_recipient", `Resend: ${error.message}`);
        throw new Error(`Resend ${error.name}: ${error.message}`);
      }
      const ids = data?.data.map((d) => d.id) ?? [];
      if (ids.length !== messages.length) throw new Error(`Resend batch returned ${ids.length} ids for ${messages.length} e-mails`);
      return { providerIds: ids };
    },
  };
}

/**
 * Resend's HTTP API can attach a calendar file but not add the `text/calendar; method=…`
 * alternative part that makes Outlook and Gmail show an invitation with its answer buttons, so
 * messages carrying one go through `calendar` (SMTP: Resend's relay or SMTP_URL); every other
 * message, and every batch, through `primary`. Batches never hold an invitation (sendEmailBatch).
 */
export function withCalendarSender(primary: EmailSender, calendar: EmailSender): EmailSender {
  return {
    name: primary.name,
    send: (message, idempotencyKey) => (message.calendar ? calendar : primary).send(message, idempotencyKey),
    ...(primary.sendBatch ? { sendBatch: primary.sendBatch.bind(primary) } : {}),
  };
}
