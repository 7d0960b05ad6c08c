import { createHash } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import type { EmailSender } from "./email";
import { PermanentDeliveryError } from "./errors";

/** Resend's SMTP relay: user "resend", the API key as password, implicit TLS. */
export function resendRelayUrl(apiKey: string): string {
  return `smtps://resend:${encodeURIComponent(apiKey)}@smtp.resend.com:465`;
}

// Mailbox unavailable, not local, name not allowed: the address itself is wrong.
const BAD_ADDRESS = new Set([550, 551, 553]);

/** The domain of "Baton <powiadomienia@baton.example>" or of a bare address. */
export function domainOf(address: string): string {
  const at = address.lastIndexOf("@");
  return at < 0
    ? "baton.invalid"
    : address
        .slice(at + 1)
        .replace(/>.*$/, "")
        .trim()
        .toLowerCase() || "baton.invalid";
}

/**
 * Sends over SMTP with nodemailer; an invitation becomes multipart/alternative (text, HTML and
 * `text/calendar; method=…`) plus invite.ics (nodemailer's icalEvent). SMTP has no idempotency
 * key: the delivery row's status keeps retries from sending twice, and the Message-ID derived
 * from the key lets a receiving server or client recognise the one resend a crash between
 * sending and recording could cause. A 5xx answer is permanent; a 4xx or a lost connection is retried.
 */
export function smtpSender(config: { url: string; from: string }): EmailSender {
  let transport: Transporter | undefined;
  const domain = domainOf(config.from);
  return {
    name: "smtp",
    async send(message, idempotencyKey) {
      // Made on first use: `next build` imports this module and must not open anything.
      transport ??= nodemailer.createTransport(config.url);
      try {
        const info = await transport.sendMail({
          from: config.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: message.headers,
          replyTo: message.replyTo,
          messageId: `<${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 40)}@${domain}>`,
          ...(message.calendar ? { icalEvent: { method: message.calendar.method, filename: "invite.ics", content: message.calendar.content } } : {}),
        });
        return { providerId: info.messageId };
      } catch (error) {
        const code = (error as { responseCode?: unknown }).responseCode;
        if (typeof code === "number" && code >= 500) {
          throw new PermanentDeliveryError(BAD_ADDRESS.has(code) ? "invalid_recipient" : "rejected", `SMTP ${code}: ${(error as Error).message}`);
        }
        throw error;
      }
    },
  };
}
