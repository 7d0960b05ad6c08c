import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** One message as it arrived: its envelope recipients, the raw MIME source and mailparser's reading. */
export interface CaughtMail {
  to: string[];
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpCatcher {
  /** smtp://127.0.0.1:<port>: give it to nodemailer (SMTP_URL). */
  url: string;
  mails: CaughtMail[];
  /** Answer the next `count` recipients with an SMTP error (550: a bad address, 451: try later). */
  failNext: (code: number, count?: number) => void;
  close: () => Promise<void>;
}

/**
 * A local SMTP server for tests: the real nodemailer sends to it, and it keeps every message
 * with its raw MIME source and mailparser's reading, so a test checks the parts a mail client sees.
 */
export async function startSmtpCatcher(options: { port?: number } = {}): Promise<SmtpCatcher> {
  const mails: CaughtMail[] = [];
  const failures: number[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      const code = failures.shift();
      if (code === undefined) return callback();
      callback(Object.assign(new Error(code >= 500 ? "mailbox unavailable" : "try again later"), { responseCode: code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw)
          .then((parsed) => {
            mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, parsed });
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    failNext: (code, count = 1) => failures.push(...Array.from({ length: count }, () => code)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
