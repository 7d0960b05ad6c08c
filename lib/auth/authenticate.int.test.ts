import { describe, expect, it } from "vitest";
import { testDb } from "@/lib/testing/db";
import { FACTORY_PASSWORD, makeUser } from "@/lib/testing/factories";
import { authenticate } from "./authenticate";
import { ACCOUNT_RULE } from "./throttle";

describe("authenticate", () => {
  it("accepts the right password, case-insensitive e-mail", async () => {
    const db = await testDb();
    const user = await makeUser(db);
    const result = await authenticate(db, { email: user.email.toUpperCase(), password: FACTORY_PASSWORD, ip: "10.0.0.1" });
    expect(result).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it("answers the same for an unknown e-mail, a wrong password and an inactive account", async () => {
    const db = await testDb();
    const user = await makeUser(db);
    const inactive = await makeUser(db, { active: false });
    const wrong = await authenticate(db, { email: user.email, password: "nope-nope-nope", ip: null });
    const unknown = await authenticate(db, { email: "nobody@test.example", password: FACTORY_PASSWORD, ip: null });
    const off = await authenticate(db, { email: inactive.email, password: FACTORY_PASSWORD, ip: null });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
    expect(off).toEqual(wrong);
  });

  it("blocks an account after repeated failures, even with the right password, until the block ends", async () => {
    const db = await testDb();
    const user = await makeUser(db);
    const now = new Date("2026-03-29T00:30:00Z");
    for (let i = 0; i < ACCOUNT_RULE.maxFailures; i++) {
      await authenticate(db, { email: user.email, password: `wrong-${i}`, ip: `10.1.0.${i}` }, now);
    }
    expect(await authenticate(db, { email: user.email, password: FACTORY_PASSWORD, ip: "10.1.1.1" }, now)).toEqual({ ok: false, reason: "throttled" });
    const later = new Date(now.getTime() + ACCOUNT_RULE.blockMs + 1000);
    expect(await authenticate(db, { email: user.email, password: FACTORY_PASSWORD, ip: "10.1.1.1" }, later)).toMatchObject({ ok: true });
  });

  it("blocks an address that tries many accounts", async () => {
    const db = await testDb();
    const user = await makeUser(db);
    const now = new Date("2026-10-25T01:30:00Z");
    for (let i = 0; i < 30; i++) {
      await authenticate(db, { email: `spray-${i}@test.example`, password: "x", ip: "203.0.113.9" }, now);
    }
    expect(await authenticate(db, { email: user.email, password: FACTORY_PASSWORD, ip: "203.0.113.9" }, now)).toEqual({ ok: false, reason: "throttled" });
    expect(await authenticate(db, { email: user.email, password: FACTORY_PASSWORD, ip: "203.0.113.10" }, now)).toMatchObject({ ok: true });
  });
});
