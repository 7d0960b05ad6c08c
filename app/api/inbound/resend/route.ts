import { Resend } from "resend";
import { getDb } from "@/db";
import { receiveInboundMail } from "@/lib/calendar/inbound-reply";
import { env } from "@/lib/config/env";
import { recordBounce } from "@/lib/notify/bounces";
import { fetchReceivedEmail, verifyResendWebhook } from "@/lib/notify/providers/resend-inbound";
import { configuredProviders } from "@/lib/notify/runtime";
import { now } from "@/lib/time/clock";

export const dynamic = "force-dynamic";

/** Webhook payloads are small (the mail's content is fetched); anything larger is not Resend's. */
const MAX_BODY = 256 * 1024;

function refused(status: number, error: string, message: string): Response {
  return Response.json({ error, message }, { status });
}

/**
 * Resend's webhook. `email.bounced`: an e-mail Baton sent came back, and its delivery row says so
 * (lib/notify/bounces.ts). `email.received`: mail to Baton's inbound domain, above all answers to
 * invitations sent to an entry's reply address (docs/invitations.md). The svix signature is
 * checked with the Resend SDK before anything is read; the mail itself comes from Resend's
 * receiving API. A METHOD:REPLY records the attendee's answer, a person's reply is forwarded to
 * the organiser, and anything that does not match changes nothing; each is logged without
 * addresses or content. A failure to read the mail or to act on it answers 5xx, so Resend
 * delivers again; acting twice on one mail records one answer and forwards one e-mail.
 */
export async function POST(request: Request) {
  const e = env();
  if (!e.RESEND_WEBHOOK_SECRET || !e.RESEND_API_KEY) {
    console.error("[inbound] webhook refused: RESEND_WEBHOOK_SECRET and RESEND_API_KEY must be set to receive replies to invitations");
    return refused(503, "not_configured", "Inbound e-mail is not configured on this server.");
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY) return refused(413, "too_large", "The webhook payload is too large.");
  const payload = await request.text();
  const svixId = request.headers.get("svix-id");
  if (payload.length > MAX_BODY) return refused(413, "too_large", "The webhook payload is too large.");
  const verified = verifyResendWebhook(
    payload,
    { id: svixId, timestamp: request.headers.get("svix-timestamp"), signature: request.headers.get("svix-signature") },
    e.RESEND_WEBHOOK_SECRET,
  );
  if (!verified.ok) {
    console.warn(`[inbound] ${JSON.stringify({ event: "inbound_webhook_refused", reason: verified.reason, svixId: svixId?.slice(0, 80) ?? null })}`);
    return refused(401, verified.reason, "The webhook signature is missing or does not match; nothing was changed.");
  }
  const { event } = verified;
  if (event.type === "email.bounced") {
    // A mail Baton sent came back: its delivery row says so (the notification history, an invitation's delivery log).
    const bounced = await recordBounce(await getDb(), { emailId: event.data.email_id, messageId: event.data.message_id ?? null }, now());
    console.warn(
      `[inbound] ${JSON.stringify({ event: "email_bounced", svixId, emailId: event.data.email_id, type: event.data.bounce?.type ?? null, matched: bounced })}`,
    );
    return Response.json({ bounced });
  }
  if (event.type !== "email.received") return Response.json({ ignored: event.type });

  const emailId = event.data.email_id;
  const client = new Resend(e.RESEND_API_KEY, e.RESEND_BASE_URL ? { baseUrl: e.RESEND_BASE_URL } : undefined);
  let mail;
  try {
    mail = await fetchReceivedEmail(client, emailId);
  } catch (error) {
    console.error(`[inbound] ${JSON.stringify({ event: "inbound_fetch_failed", svixId, emailId, error: error instanceof Error ? error.message : "unknown" })}`);
    return refused(502, "fetch_failed", "The received e-mail could not be read from Resend; deliver the webhook again.");
  }
  try {
    const db = await getDb();
    const outcomes = await receiveInboundMail(db, mail, { sender: configuredProviders(db, e).email, appUrl: e.APP_URL, now: now() });
    return Response.json({ outcomes: outcomes.map((o) => (o.result === "ignored" ? { result: o.result, reason: o.reason } : { result: o.result })) });
  } catch (error) {
    console.error(`[inbound] ${JSON.stringify({ event: "inbound_failed", svixId, emailId, error: error instanceof Error ? error.name : "unknown" })}`);
    return refused(500, "failed", "The received e-mail could not be processed; deliver the webhook again.");
  }
}
