import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startSmtpCatcher, type CaughtMail } from "./smtp-catcher";

/**
 * A local HTTP server that speaks the parts of Resend's and Twilio's APIs Baton uses, so tests
 * and benchmarks drive the real SDKs. It keeps what it accepted, honours Resend's
 * Idempotency-Key like Resend does (same key → same id, sent once), answers Twilio error 21610
 * for opted-out numbers, and can be told to fail the next N requests with a 500.
 * `GET /_test/messages?to=<address or number>` answers what it accepted for that recipient, so
 * an e2e spec in another process reads the e-mail or SMS a person would have received. Beside
 * it an SMTP server takes what goes by SMTP (invitations: see withCalendarSender), listed there too.
 */
export interface FakeEmail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  headers?: Record<string, string>;
  idempotencyKey?: string;
  /** An invitation's text/calendar part (SMTP only). */
  calendar?: string;
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
  close: () => Promise<void>;
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
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    smtpUrl: smtp.url,
    close: async () => {
      await smtp.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
