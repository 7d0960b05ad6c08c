// Baton's HTTP server: Next.js behind a thin listener that decides the client's address from
// the connection and TRUSTED_PROXIES (Next keeps whatever X-Forwarded-For a client sends and no
// longer exposes the socket's address). `npm start` and `npm run dev` both run this file.
//   node server.mjs [--dev] [-p PORT] [-H HOSTNAME]
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { parseTrustedProxies, withClientAddress } from "./lib/auth/forwarded-address.mjs";
import { compressResponses } from "./lib/http/compression.mjs";

const { values: args } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
  },
});

const dev = args.dev;
// As `next start` / `next dev` do: a stray NODE_ENV in the shell must not turn a production
// start into a development one (which would, for example, seed demo data).
process.env.NODE_ENV = dev ? "development" : "production";
const port = Number(args.port ?? process.env.PORT ?? 3000);
// The app reads PORT for its default APP_URL outside production (lib/config/env.ts): links in
// e-mails and SMS then point at the port it really listens on, -p included.
process.env.PORT = String(port);
// Not $HOSTNAME: containers set it to their own name. Unset listens on every interface, as `next start`.
const hostname = args.hostname;

let trustedProxies;
try {
  trustedProxies = parseTrustedProxies(process.env.TRUSTED_PROXIES);
} catch (error) {
  console.error(`Baton configuration is invalid:\n  - ${error instanceof Error ? error.message : String(error)}\nSee .env.example for every setting.`);
  process.exit(1);
}

const app = next({ dev, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

// Compression here rather than Next's own (next.config.ts: compress: false): the same middleware at a cheaper level.
const compress = compressResponses();
const server = createServer(withClientAddress((req, res) => compress(req, res, () => void handle(req, res)), trustedProxies));
server.listen(port, hostname, () => {
  console.log(`> Baton ${dev ? "(development) " : ""}listening on http://${hostname ?? "localhost"}:${port}, trusting ${trustedProxies} proxy hop(s)`);
});

async function stop() {
  server.close();
  // Idle keep-alive connections would otherwise hold the stop back.
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
  await app.close();
  process.exit(0);
}
process.once("SIGTERM", () => void stop());
process.once("SIGINT", () => void stop());
