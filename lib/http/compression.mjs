// Plain JavaScript on purpose: server.mjs imports it in production, where there is no TypeScript
// loader. Types are in compression.d.mts.
import { constants } from "node:zlib";
import compression from "compression";

/** gzip's level: 1, nginx's default. */
export const GZIP_LEVEL = constants.Z_BEST_SPEED;
/** Brotli's quality, for the browsers, which all accept it. */
export const BROTLI_QUALITY = 3;

/**
 * How Baton's answers are compressed: the `compression` middleware (the one Next.js vendors, in a
 * later version that also speaks brotli) at cheaper settings than Next's fixed gzip level 6. Every
 * page is compressed anew on each request; for the Delegated page's 144 KB of HTML, measured here:
 * gzip 6 1.5 ms for 24.2 KB (what Next did), gzip 1 0.7 ms for 28.1 KB, brotli 3 0.7 ms for
 * 22.9 KB. A browser gets brotli (smaller and half the CPU); a client that only speaks gzip gets
 * gzip 1. next.config.ts turns Next's own compression off.
 *
 * Everything else is the middleware's: only compressible types above 1 KB, never with
 * `Cache-Control: no-transform`, `Vary: Accept-Encoding`, and `res.flush()`, which Next calls as a
 * streamed page renders.
 */
export function compressResponses() {
  return compression({ level: GZIP_LEVEL, brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } } });
}
