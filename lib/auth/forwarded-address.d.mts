import type { IncomingMessage, ServerResponse } from "node:http";

export declare const CLIENT_ADDRESS_HEADER: "x-baton-client-address";
export declare function parseTrustedProxies(value: string | undefined): number;
export declare function normalizeAddress(raw: string | undefined | null): string | null;
export declare function resolveClientAddress(input: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustedProxies: number;
}): string | null;
export declare function withClientAddress<R>(
  listener: (req: IncomingMessage, res: ServerResponse) => R,
  trustedProxies: number,
): (req: IncomingMessage, res: ServerResponse) => R;
