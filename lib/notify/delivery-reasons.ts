import { WebPushError } from "web-push";
import { deliveryReason } from "@/db/schema";
import { PermanentDeliveryError } from "./providers/errors";

/**
 * What a delivery row says about a failure or a skip: a short category shown translated. The
 * provider's own words (connection errors, response bodies) can carry addresses, numbers and
 * the state of hosts and ports, so they go to the server log only.
 */
export const DELIVERY_REASONS = deliveryReason.enumValues;
export type DeliveryReason = (typeof DELIVERY_REASONS)[number];

// Node's codes for a connection that never produced an answer.
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "ECONNABORTED",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
]);

function errorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

/** The category of an error thrown by a provider. */
export function deliveryReasonOf(error: unknown): DeliveryReason {
  if (error instanceof PermanentDeliveryError) {
    if (error.reason === "opted_out") return "opted_out";
    if (error.reason === "invalid_recipient") return "invalid_address";
    if (error.reason === "channel_disabled") return "channel_disabled";
    return "rejected";
  }
  const status = error instanceof WebPushError ? error.statusCode : (error as { status?: unknown } | null)?.status;
  if (status === 429) return "rate_limited";
  const code = errorCode(error);
  if (code && (NETWORK_CODES.has(code) || code.startsWith("ERR_TLS") || code.includes("CERT"))) return "unreachable";
  if (/rate.?limit/i.test((error as { name?: string } | null)?.name ?? "")) return "rate_limited";
  return "provider_error";
}

/**
 * Writes a provider's error to the server log with the notification and channel, never to a
 * row people can read. Only the message and status are logged: no headers (authorisation) and
 * no request (tokens in push endpoints).
 */
export function logDeliveryError(context: { notificationId: string; channel: string; deliveryId?: string }, error: unknown): void {
  const detail =
    error instanceof WebPushError
      ? `push service answered ${error.statusCode}: ${String(error.body).slice(0, 500)}`
      : error instanceof Error
        ? `${error.name}: ${error.message}`.slice(0, 1000)
        : String(error).slice(0, 1000);
  console.error(
    `[delivery] notification ${context.notificationId} ${context.channel}${context.deliveryId ? ` (delivery ${context.deliveryId})` : ""} failed: ${detail}`,
  );
}
