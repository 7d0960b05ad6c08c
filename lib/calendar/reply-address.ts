import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";
import { env } from "@/lib/config/env";
import { domainOf } from "@/lib/notify/providers/smtp";

const MAC_HEX = 16;

function macOf(entryHex: string, secret: string): string {
  const key = createHmac("sha256", secret).update("baton:calendar-reply-address:v1").digest();
  return createHmac("sha256", key).update(entryHex).digest("hex").slice(0, MAC_HEX);
}

/** Where answers to an entry's invitations go: INBOUND_DOMAIN, or the domain Baton sends from. */
export function inboundDomain(e = env()): string {
  return e.INBOUND_DOMAIN?.toLowerCase() ?? domainOf(e.EMAIL_FROM);
}

/**
 * The address an entry's invitations name as ORGANIZER and Reply-To: mail clients send their
 * METHOD:REPLY there, and people their replies. `reply+<entry><check>@<domain>`: lower-case hex
 * (some servers lower-case local parts), 54 characters before the @, and the check lets the
 * inbound side refuse addresses nobody was given.
 */
export function entryReplyAddress(entryId: string, secret: string = authSecret(), domain: string = inboundDomain()): string {
  const entryHex = entryId.replace(/-/g, "").toLowerCase();
  return `reply+${entryHex}${macOf(entryHex, secret)}@${domain}`;
}

/** The entry a reply address belongs to, or null when it is not one Baton gave out. */
export function entryOfReplyAddress(address: string, secret: string = authSecret()): string | null {
  const match = /^reply\+([0-9a-f]{32})([0-9a-f]{16})@/i.exec(address.trim());
  if (!match) return null;
  const entryHex = match[1]!.toLowerCase();
  const given = Buffer.from(match[2]!.toLowerCase());
  if (!timingSafeEqual(given, Buffer.from(macOf(entryHex, secret)))) return null;
  return `${entryHex.slice(0, 8)}-${entryHex.slice(8, 12)}-${entryHex.slice(12, 16)}-${entryHex.slice(16, 20)}-${entryHex.slice(20)}`;
}
