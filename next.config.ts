import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite loads its WASM and extensions from its own package folder at run time; ical-timezones
  // reads its VTIMEZONE files next to its own __dirname (bundled, it finds none and feeds go out in UTC).
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "@touch4it/ical-timezones"],
  poweredByHeader: false,
  // server.mjs compresses, at a cheaper level than Next would (lib/http/compression.mjs).
  compress: false,
  // The dev server logs each request's path: a feed's path is its secret token (lib/feeds/token.ts).
  logging: { incomingRequests: { ignore: [/^\/api\/feeds\//] } },
  // Lets parallel builds (several e2e runs on one machine) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // forbidden() renders app/forbidden.tsx with a 403 for pages a user may not open.
  experimental: { authInterrupts: true },
  // `npm test` type-checks the whole project (`npm run typecheck`) before it builds the app for the
  // e2e tests (`npm run build:e2e`, beside the integration tests); that build need not run the same
  // check again. Every other build (`npm run build`) does.
  typescript: { ignoreBuildErrors: process.env.npm_lifecycle_event === "build:e2e" },
  // For static files, which skip proxy.ts; everything else gets these and its CSP from the proxy.
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default withNextIntl(nextConfig);
