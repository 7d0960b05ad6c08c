import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, Agent, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createECDH, randomBytes } from "node:crypto";

/**
 * A local HTTPS server standing in for a browser's push service (web-push only sends to https).
 * It uses a throw-away self-signed certificate; `agent` trusts it. Endpoints under /gone/ answer
 * 410 like an expired subscription; `failNext(n)` makes the next n requests answer 500.
 */
export interface FakePushService {
  url: string;
  agent: Agent;
  received: { path: string; headers: Record<string, string | string[] | undefined>; bytes: number }[];
  /** The next `count` requests answer 500 with `body` (default "injected failure"). */
  failNext: (count: number, body?: string) => void;
  /** A subscription as a browser would make it: a real P-256 key pair and auth secret. */
  subscription: (pathName: string) => { endpoint: string; p256dh: string; auth: string };
  close: () => Promise<void>;
}

export async function startFakePushService(): Promise<FakePushService> {
  const dir = mkdtempSync(path.join(tmpdir(), "baton-push-"));
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", `${dir}/key.pem`, "-out", `${dir}/cert.pem`, "-days", "1", "-subj", "/CN=127.0.0.1"],
    {
      stdio: "ignore",
    },
  );
  const key = readFileSync(`${dir}/key.pem`);
  const cert = readFileSync(`${dir}/cert.pem`);
  rmSync(dir, { recursive: true, force: true });

  let failures = 0;
  let failureBody = "injected failure";
  const received: FakePushService["received"] = [];
  const server: Server = createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = req.url ?? "/";
      if (failures > 0) {
        failures--;
        res.writeHead(500).end(failureBody);
        return;
      }
      if (url.startsWith("/gone/")) {
        res.writeHead(410).end("subscription expired");
        return;
      }
      received.push({ path: url, headers: req.headers, bytes: Buffer.concat(chunks).length });
      res.writeHead(201).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `https://127.0.0.1:${port}`;
  return {
    url,
    agent: new Agent({ rejectUnauthorized: false }),
    received,
    failNext: (count, body = "injected failure") => {
      failures = count;
      failureBody = body;
    },
    subscription: (pathName) => {
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      return { endpoint: `${url}/${pathName}`, p256dh: ecdh.getPublicKey().toString("base64url"), auth: randomBytes(16).toString("base64url") };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
