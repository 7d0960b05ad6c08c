import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import MailComposer from "nodemailer/lib/mail-composer";
import { startSmtpCatcher, type CaughtMail } from "./smtp-catcher";

/**
 * A local HTTP server that speaks the parts of Resend's and Twilio's APIs Baton uses, so tests
 * and benchmarks drive the real SDKs. It keeps what it accepted, honours Resend's
 * Idempotency-Key like Resend does (same key → same id, sent once), answers Twilio error 21610
 * for opted-out numbers, and can be told to fail the next N requests with a 500.
 * `GET /_test/messages?to=<address or number>` answers what it accepted for that recipient, so
 * an e2e spec in another process reads the e-mail or SMS a person would have received. Beside
 * it an SMTP server takes what goes by SMTP (invitations: see withCalendarSender), listed there too.
 * Received mail (Resend's receiving API): a test registers it with `receive` and posts the
 * `email.received` webhook; `GET /emails/receiving/:id` answers it as Resend does, with the raw
 * message (built by nodemailer) and its attachments behind download URLs.
 */
export interface FakeEmail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  headers?: Record<string, string>;
  replyTo?: string | string[];
  idempotencyKey?: string;
  /** An invitation's text/calendar part (SMTP only). */
  calendar?: string;
}

/** A mail that "arrived" at the inbound domain. */
export interface FakeInboundMail {
  from: string;
  to: string[];
  cc?: string[];
  subject: string;
  text?: string;
  headers?: Record<string, string>;
  /** A calendar part (e.g. a METHOD:REPLY), sent the way Outlook does (a text/calendar alternative), as an .ics attachment, or both (Gmail). */
  calendar?: { content: string; as?: "alternative" | "attachment" | "both" };
  /** Whether the API offers the raw message (default true); without it only attachments carry a calendar. */
  raw?: boolean;
}

interface StoredInbound {
  id: string;
  mail: FakeInboundMail;
  raw: string;
  attachments: { id: string; filename: string; contentType: string; content: string }[];
  createdAt: string;
}

export interface FakeSms {
  sid: string;
  to: string;
  from?: string;
  messagingServiceSid?: string;
  body: string;
}

export interface FakeProviders {
  url: string;
  /** smtp://127.0.0.1:<port> (SMTP_URL). */
  smtpUrl: string;
  emails: FakeEmail[];
  sms: FakeSms[];
  /** Requests received, including failed ones, per API. */
  requests: { resend: number; twilio: number };
  failNext: (api: "resend" | "twilio", count: number, status?: number) => void;
  optedOut: Set<string>;
  /** Resend answers 429 beyond this many requests per rolling second (0: unlimited). */
  resendRateLimitPerSecond: number;
  rateLimited: number;
  /** Registers a received e-mail and returns its id (the webhook's data.email_id). */
  receive: (mail: FakeInboundMail) => Promise<string>;
  close: () => Promise<void>;
}

/** The message as it would have arrived, built by nodemailer (the calendar part as Outlook or Gmail send it). */
async function rawInbound(mail: FakeInboundMail, messageId: string): Promise<string> {
  const calendar = mail.calendar;
  const as = calendar?.as ?? "alternative";
  const composer = new MailComposer({
    from: mail.from,
    to: mail.to,
    cc: mail.cc,
    subject: mail.subject,
    text: mail.text ?? "",
    messageId,
    headers: mail.headers,
    icalEvent: calendar && as !== "attachment" ? { method: "REPLY", content: calendar.content } : undefined,
    attachments:
      calendar && as !== "alternative"
        ? [{ filename: "invite.ics", content: calendar.content, contentType: "text/calendar; charset=utf-8; method=REPLY" }]
        : [],
  });
  const built = await new Promise<Buffer>((resolve, reject) => composer.compile().build((error, message) => (error ? reject(error) : resolve(message))));
  return built.toString("utf8");
}

/** A message that came by SMTP, as the Resend side lists its e-mails. */
function smtpEmail(mail: CaughtMail, index: number): FakeEmail {
  const calendar = mail.parsed.attachments.find((a) => a.contentType === "text/calendar");
  return {
    id: `smtp_${index + 1}`,
    from: mail.parsed.from?.text ?? "",
    to: mail.to,
    subject: mail.parsed.subject ?? "",
    html: typeof mail.parsed.html === "string" ? mail.parsed.html : undefined,
    text: mail.parsed.text,
    calendar: calendar?.content.toString("utf8"),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFakeProviders(options: { port?: number } = {}): Promise<FakeProviders> {
  const failures = { resend: { count: 0, status: 500 }, twilio: { count: 0, status: 500 } };
  const smtp = await startSmtpCatcher();
  const byKey = new Map<string, string>();
  const recent: number[] = [];
  let seq = 0;
  let base = "";
  const inbound = new Map<string, StoredInbound>();
  const state: Omit<FakeProviders, "url" | "smtpUrl" | "close"> = {
    emails: [],
    sms: [],
    requests: { resend: 0, twilio: 0 },
    failNext: (api, count, status = 500) => {
      failures[api] = { count, status };
    },
    optedOut: new Set<string>(),
    resendRateLimitPerSecond: 0,
    rateLimited: 0,
    receive: async (mail) => {
      const id = `${(++seq).toString(16).padStart(8, "0")}-0000-4000-8000-${Date.now().toString(16).padStart(12, "0").slice(-12)}`;
      const calendar = mail.calendar && (mail.calendar.as ?? "alternative") !== "alternative" ? mail.calendar.content : null;
      inbound.set(id, {
        id,
        mail,
        raw: await rawInbound(mail, `<${id}@mail.example>`),
        attachments: calendar ? [{ id: `att-${id}`, filename: "invite.ics", contentType: "text/calendar", content: calendar }] : [],
        createdAt: new Date().toISOString(),
      });
      return id;
    },
  };

  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = req.url ?? "/";
    const json = (status: number, payload: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(payload));
    };

    if (req.method === "GET" && url.startsWith("/_test/messages")) {
      const to = new URL(url, "http://fake").searchParams.get("to");
      if (!to) return json(400, { message: "fake providers: ?to= is required" });
      const emails = [...state.emails, ...smtp.mails.map(smtpEmail)].filter((e) => e.to.includes(to));
      return json(200, { emails, sms: state.sms.filter((m) => m.to === to) });
    }

    // A spec in another process makes a mail "arrive" (e2e: a REPLY from a colleague's Outlook).
    if (req.method === "POST" && url === "/_test/inbound") return json(200, { id: await state.receive(JSON.parse(body) as FakeInboundMail) });

    const received = /^\/emails\/receiving\/([^/?]+)(\/attachments)?(?:\?.*)?$/.exec(url);
    if (received && req.method === "GET") {
      state.requests.resend++;
      const stored = inbound.get(decodeURIComponent(received[1]!));
      if (!stored) return json(404, { statusCode: 404, name: "not_found", message: "Email not found" });
      const expires = new Date(Date.now() + 3600_000).toISOString();
      const attachments = stored.attachments.map((a) => ({
        id: a.id,
        filename: a.filename,
        size: Buffer.byteLength(a.content),
        content_type: a.contentType,
        content_disposition: "attachment",
        content_id: null,
      }));
      if (received[2]) {
        return json(200, {
          object: "list",
          has_more: false,
          data: attachments.map((a) => ({ ...a, download_url: `${base}/_inbound/${stored.id}/${a.id}`, expires_at: expires })),
        });
      }
      const { mail } = stored;
      return json(200, {
        object: "email",
        id: stored.id,
        to: mail.to,
        from: mail.from,
        created_at: stored.createdAt,
        subject: mail.subject,
        bcc: null,
        cc: mail.cc ?? null,
        reply_to: null,
        received_for: mail.to,
        html: null,
        text: mail.text ?? null,
        headers: mail.headers ?? {},
        message_id: `<${stored.id}@mail.example>`,
        raw: mail.raw === false ? null : { download_url: `${base}/_inbound/${stored.id}/raw`, expires_at: expires },
        attachments,
      });
    }
    const download = /^\/_inbound\/([^/]+)\/([^/?]+)$/.exec(url);
    if (download && req.method === "GET") {
      const stored = inbound.get(download[1]!);
      const part = download[2] === "raw" ? stored?.raw : stored?.attachments.find((a) => a.id === download[2])?.content;
      if (part === undefined) return json(404, { message: "fake providers: no such download" });
      res.writeHead(200, { "content-type": download[2] === "raw" ? "message/rfc822" : "text/calendar; charset=utf-8" });
      return res.end(part);
    }

    if (url.startsWith("/emails")) {
      state.requests.resend++;
      if (state.resendRateLimitPerSecond > 0) {
        const now = Date.now();
        while (recent.length && recent[0]! < now - 1000) recent.shift();
        if (recent.length >= state.resendRateLimitPerSecond) {
          state.rateLimited++;
          res.setHeader("retry-after", "1");
          return json(429, { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" });
        }
        recent.push(now);
      }
      if (failures.resend.count > 0) {
        failures.resend.count--;
        return json(failures.resend.status, { statusCode: failures.resend.status, name: "internal_server_error", message: "Injected failure" });
      }
      const key = (req.headers["idempotency-key"] as string | undefined) ?? undefined;
      const accept = (payload: Record<string, unknown>, k?: string): { id: string } => {
        if (k && byKey.has(k)) return { id: byKey.get(k)! };
        const id = `re_${++seq}`;
        if (k) byKey.set(k, id);
        const to = Array.isArray(payload.to) ? (payload.to as string[]) : [String(payload.to)];
        state.emails.push({
          id,
          from: String(payload.from),
          to,
          subject: String(payload.subject),
          html: payload.html as string | undefined,
          text: payload.text as string | undefined,
          headers: payload.headers as Record<string, string> | undefined,
          replyTo: payload.reply_to as string | string[] | undefined,
          idempotencyKey: k,
        });
        return { id };
      };
      const payload = JSON.parse(body || "{}") as Record<string, unknown> | Record<string, unknown>[];
      if (url.startsWith("/emails/batch")) {
        const items = Array.isArray(payload) ? payload : [];
        if (items.length > 100) return json(422, { statusCode: 422, name: "validation_error", message: "at most 100 emails" });
        // Resend keys a batch as a whole; per-email keys make retries of a partial batch safe here.
        return json(200, { data: items.map((item, i) => accept(item, key ? `${key}#${i}` : undefined)) });
      }
      const single = payload as Record<string, unknown>;
      if (typeof single.to !== "string" && !Array.isArray(single.to)) {
        return json(422, { statusCode: 422, name: "validation_error", message: "Missing `to` field." });
      }
      return json(200, accept(single, key));
    }

    const twilio = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json/.exec(url);
    if (twilio && req.method === "POST") {
      state.requests.twilio++;
      if (failures.twilio.count > 0) {
        failures.twilio.count--;
        return json(failures.twilio.status, { code: 20500, message: "Injected failure", status: failures.twilio.status });
      }
      const form = new URLSearchParams(body);
      const to = form.get("To") ?? "";
      if (state.optedOut.has(to)) {
        return json(400, {
          code: 21610,
          message: "Attempt to send to unsubscribed recipient",
          more_info: "https://www.twilio.com/docs/errors/21610",
          status: 400,
        });
      }
      if (!/^\+[1-9]\d{6,14}$/.test(to)) {
        return json(400, { code: 21211, message: `The 'To' number ${to} is not a valid phone number.`, status: 400 });
      }
      const sid = `SM${String(++seq).padStart(32, "0")}`;
      state.sms.push({
        sid,
        to,
        from: form.get("From") ?? undefined,
        messagingServiceSid: form.get("MessagingServiceSid") ?? undefined,
        body: form.get("Body") ?? "",
      });
      return json(201, { sid, account_sid: twilio[1], to, body: form.get("Body"), status: "queued", date_created: new Date().toUTCString() });
    }

    json(404, { message: `fake providers: no route for ${req.method} ${url}` });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    smtpUrl: smtp.url,
    close: async () => {
      await smtp.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
