import { CLIENT_ADDRESS_HEADER, normalizeAddress } from "./forwarded-address.mjs";

let warned = false;

/**
 * The client's address as server.mjs resolved it from the connection and TRUSTED_PROXIES, or
 * null when unknown. X-Forwarded-For is never read here: any client can write it. Without
 * server.mjs (plain `next start`) the header is missing and only the account-side sign-in
 * limits can apply, which is logged once.
 */
export function clientAddress(headers: Headers): string | null {
  const address = normalizeAddress(headers.get(CLIENT_ADDRESS_HEADER));
  if (!address && !warned) {
    warned = true;
    console.warn(
      `[auth] no ${CLIENT_ADDRESS_HEADER} header: start Baton with server.mjs (npm start) so sign-in limits per client address apply; X-Forwarded-For is not trusted on its own`,
    );
  }
  return address;
}
