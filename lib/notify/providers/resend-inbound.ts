import PostalMime from "postal-mime";
import { Resend, type WebhookEventPayload } from "resend";

/** An e-mail that arrived at Baton's inbound domain, as Resend's receiving API gave it (lib/calendar/inbound-reply.ts acts on it). */
export interface InboundMail {
  /** The provider's id of the received e-mail: forwarding it twice sends one e-mail. */
  id: string;
  /** The From header ("Name <address>" or an address). */
  from: string;
  /** Every address it was for: To, Cc and the envelope recipients. */
  recipients: string[];
  subject: string;
  text: string | null;
  /** The text of every calendar part (text/calendar alternative or .ics attachment). */
  calendars: string[];
  headers: Record<string, string>;
}

/** The svix headers Resend signs its webhooks with. */
export interface WebhookHeaders {
  id: string | null;
  timestamp: string | null;
  signature: string | null;
}

export type VerifiedWebhook = { ok: true; event: WebhookEventPayload } | { ok: false; reason: "missing_signature" | "invalid_signature" };

/**
 * Checks a webhook's signature with the Resend SDK (svix: an HMAC-SHA-256 of id, timestamp and
 * body under the webhook's secret, the timestamp within five minutes) and returns the event.
 */
export function verifyResendWebhook(payload: string, headers: WebhookHeaders, webhookSecret: string): VerifiedWebhook {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature) return { ok: false, reason: "missing_signature" };
  try {
    // Verifying needs no API key; the SDK only wants something to hold.
    const event = new Resend("re_verify_only").webhooks.verify({ payload, headers: { id, timestamp, signature }, webhookSecret });
    return { ok: true, event };
  } catch {
    return { ok: false, reason: "invalid_signature" };
  }
}

const CALENDAR_TYPES = /^(text\/calendar|application\/ics)\b/i;

function isCalendar(contentType: string | null | undefined, filename: string | null | undefined): boolean {
  return CALENDAR_TYPES.test(contentType ?? "") || /\.ics$/i.test(filename ?? "");
}

/** A REPLY is a few kilobytes; a message larger than this is a person's mail with attachments, not read for calendars. */
const DOWNLOAD_LIMIT = 5 * 1024 * 1024;

async function download(url: string, limit: number): Promise<string | null> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Resend receiving: download answered ${response.status}`);
  if (Number(response.headers.get("content-length") ?? 0) > limit) {
    await response.body?.cancel();
    return null;
  }
  const text = await response.text();
  return text.length > limit ? null : text;
}

/** The calendar parts of the raw message: postal-mime lists a text/calendar alternative part as an attachment too. */
async function calendarsOfRaw(raw: string): Promise<string[]> {
  const parsed = await PostalMime.parse(raw);
  return parsed.attachments
    .filter((a) => isCalendar(a.mimeType, a.filename))
    .map((a) => (typeof a.content === "string" ? a.content : new TextDecoder().decode(a.content)));
}

/**
 * A received e-mail through Resend's receiving API: the message (From, recipients, subject, text,
 * headers) and its calendar parts. Calendar attachments Resend lists are downloaded; when it lists
 * none, the raw message is read (up to 5 MB), since only it surely holds a `text/calendar`
 * alternative part (Outlook sends its REPLY that way). A failure throws (the webhook answers 5xx
 * and Resend retries).
 */
export async function fetchReceivedEmail(client: Resend, emailId: string): Promise<InboundMail> {
  const { data, error } = await client.emails.receiving.get(emailId);
  if (error || !data) throw new Error(`Resend receiving: ${error?.name ?? "no data"}`);
  const calendars: string[] = [];
  if (data.attachments.some((a) => isCalendar(a.content_type, a.filename))) {
    const listed = await client.emails.receiving.attachments.list({ emailId });
    if (listed.error || !listed.data) throw new Error(`Resend receiving attachments: ${listed.error?.name ?? "no data"}`);
    for (const attachment of listed.data.data) {
      const content = isCalendar(attachment.content_type, attachment.filename) ? await download(attachment.download_url, DOWNLOAD_LIMIT) : null;
      if (content) calendars.push(content);
    }
  } else if (data.raw?.download_url) {
    const raw = await download(data.raw.download_url, DOWNLOAD_LIMIT);
    if (raw) calendars.push(...(await calendarsOfRaw(raw)));
  }
  return {
    id: data.id,
    from: data.from,
    recipients: [...data.to, ...(data.cc ?? []), ...(data.received_for ?? [])],
    subject: data.subject ?? "",
    text: data.text,
    calendars,
    headers: data.headers ?? {},
  };
}
