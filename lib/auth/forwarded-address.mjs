// Plain JavaScript on purpose: server.mjs imports it in production, where there is no
// TypeScript loader (tsx is a devDependency). Types are in forwarded-address.d.mts.
import { isIP } from "node:net";

/** The only request header the app trusts for the client's address; server.mjs sets it. */
export const CLIENT_ADDRESS_HEADER = "x-baton-client-address";

const MAX_TRUSTED_PROXIES = 10;

/**
 * TRUSTED_PROXIES: how many reverse proxies (load balancer, CDN) stand in front of Baton.
 * Unset or empty means none: the address is the one the connection came from.
 */
export function parseTrustedProxies(value) {
  if (value === undefined || value.trim() === "") return 0;
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed) || Number(trimmed) > MAX_TRUSTED_PROXIES) {
    throw new Error(
      `TRUSTED_PROXIES must be a whole number from 0 to ${MAX_TRUSTED_PROXIES}: how many reverse proxies stand in front of Baton (0 when clients connect directly), got "${value}"`,
    );
  }
  return Number(trimmed);
}

/** A bare IP address, or null: strips an IPv4-mapped IPv6 prefix, brackets and a port. */
export function normalizeAddress(raw) {
  if (typeof raw !== "string") return null;
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (/^::ffff:\d{1,3}(?:\.\d{1,3}){3}$/i.test(value)) value = value.slice(7);
  if (!isIP(value)) return null;
  return value.toLowerCase();
}

/**
 * The client's address. Each proxy appends the address it received the connection from to
 * X-Forwarded-For, so only the last `trustedProxies` entries were written by proxies we trust;
 * anything to their left came from the client and may be forged. With no trusted proxy the
 * socket's address is the answer whatever the headers say.
 */
export function resolveClientAddress({ socketAddress, forwardedFor, trustedProxies }) {
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...hops, socketAddress ?? ""];
  // Fewer entries than trusted proxies: every entry was written by one of them, so the
  // leftmost is as far as the trusted chain saw.
  const index = Math.max(0, chain.length - 1 - trustedProxies);
  return normalizeAddress(chain[index]);
}

/**
 * Wraps a Node request listener so that every request carries the resolved client address in
 * CLIENT_ADDRESS_HEADER, and never one the client sent itself.
 */
export function withClientAddress(listener, trustedProxies) {
  return (req, res) => {
    delete req.headers[CLIENT_ADDRESS_HEADER];
    const address = resolveClientAddress({
      socketAddress: req.socket.remoteAddress,
      forwardedFor: req.headers["x-forwarded-for"],
      trustedProxies,
    });
    if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
    return listener(req, res);
  };
}
