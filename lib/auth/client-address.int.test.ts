import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { loginThrottle } from "@/db/schema";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { authenticate } from "./authenticate";
import { clientAddress } from "./client-address";
import { withClientAddress } from "./forwarded-address.mjs";
import { PAIR_RULE, pairKey } from "./throttle";

function toHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/**
 * The listener server.mjs puts in front of Next, with a sign-in attempt behind it reading the
 * address the way the app does.
 */
async function signInServer(trustedProxies: number, email: string, now: Date) {
  const db = await testDb();
  server = createServer(
    withClientAddress((req, res) => {
      const address = clientAddress(toHeaders(req.headers));
      void authenticate(db, { email, password: "wrong guess", ip: address }, now).then((result) => {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ address, result }));
      });
    }, trustedProxies),
  );
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return (headers: Record<string, string>) =>
    new Promise<{ address: string | null; result: { ok: boolean; reason?: string } }>((resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port, path: "/api/auth/callback/credentials", method: "POST", headers }, (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve(JSON.parse(body)));
      });
      req.on("error", reject);
      req.end();
    });
}

describe("the client address behind server.mjs", () => {
  it("with no trusted proxy, a forged X-Forwarded-For or address header changes nothing", async () => {
    const db = await testDb();
    const user = await makeUser(db);
    const now = new Date("2026-04-14T10:00:00Z");
    const attempt = await signInServer(0, user.email, now);
    const answers = [];
    for (let i = 0; i < PAIR_RULE.maxAttempts + 1; i++) {
      answers.push(await attempt({ "x-forwarded-for": `198.51.100.${i + 1}`, "x-baton-client-address": `192.0.2.${i + 1}`, "x-real-ip": "192.0.2.250" }));
    }
    expect(new Set(answers.map((a) => a.address))).toEqual(new Set(["127.0.0.1"]));
    // One pair for all of them: the forged addresses did not buy fresh guesses.
    expect(answers.at(-1)?.result).toEqual({ ok: false, reason: "throttled" });
    const [pair] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, pairKey(user.email, "127.0.0.1")));
    expect(pair?.failures).toBe(PAIR_RULE.maxAttempts + 1);
    const [forged] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, pairKey(user.email, "198.51.100.1")));
    expect(forged).toBeUndefined();
  });

  it("with one trusted proxy, takes the entry that proxy appended, not what the client prepended", async () => {
    const db = await testDb();
    const user = await makeUser(db);
    const attempt = await signInServer(1, user.email, new Date("2026-04-15T10:00:00Z"));
    expect((await attempt({ "x-forwarded-for": "6.6.6.6, 192.0.2.44" })).address).toBe("192.0.2.44");
    expect((await attempt({ "x-forwarded-for": "192.0.2.45" })).address).toBe("192.0.2.45");
    const [pair] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, pairKey(user.email, "192.0.2.44")));
    expect(pair?.failures).toBe(1);
  });
});
