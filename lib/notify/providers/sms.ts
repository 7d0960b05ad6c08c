import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";

type RequestOptions<TData> = RequestClient.RequestOptions<TData>;
import { PermanentDeliveryError } from "./errors";

export interface SmsSender {
  readonly name: "twilio" | "dev-mailbox" | "disabled";
  send(to: string, body: string, idempotencyKey: string): Promise<{ providerId: string }>;
}

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  from?: string;
  messagingServiceSid?: string;
  /** Only for tests: the origin of a local server that speaks Twilio's API. */
  baseUrl?: string;
}

// Opted out (21610), invalid or unreachable numbers (21211, 21614, 21408, 21612): retrying cannot help.
const PERMANENT_CODES: Record<number, "opted_out" | "invalid_recipient"> = {
  21610: "opted_out",
  21211: "invalid_recipient",
  21614: "invalid_recipient",
  21408: "invalid_recipient",
  21612: "invalid_recipient",
};

/** Twilio has no base-URL option: this request client sends its calls to another origin. */
function redirectingClient(baseUrl: string) {
  const target = new URL(baseUrl);
  class Redirecting extends twilio.RequestClient {
    request<TData>(opts: RequestOptions<TData>) {
      const uri = new URL(opts.uri);
      uri.protocol = target.protocol;
      uri.host = target.host;
      return super.request<TData>({ ...opts, uri: uri.toString() });
    }
  }
  return new Redirecting();
}

export function twilioSender(config: TwilioConfig): SmsSender {
  const client = twilio(config.accountSid, config.authToken, config.baseUrl ? { httpClient: redirectingClient(config.baseUrl) } : undefined);
  return {
    name: "twilio",
    // Twilio's Messages API takes no idempotency key: the caller records the SID and never calls
    // again once one is stored, which is what makes a retried step safe.
    async send(to, body) {
      try {
        const message = await client.messages.create({
          to,
          body,
          ...(config.messagingServiceSid ? { messagingServiceSid: config.messagingServiceSid } : { from: config.from }),
        });
        return { providerId: message.sid };
      } catch (error) {
        const code = (error as { code?: number }).code;
        const permanent = code ? PERMANENT_CODES[code] : undefined;
        if (permanent) throw new PermanentDeliveryError(permanent, `Twilio ${code}: ${(error as Error).message}`);
        throw error;
      }
    },
  };
}
