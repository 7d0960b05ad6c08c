import { decode, encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { claimsOf, sessionCookieName, sessionTokenOf } from "./session-token";

// The real decryption, counted.
vi.mock("next-auth/jwt", async (importOriginal) => {
  const real = await importOriginal<typeof import("next-auth/jwt")>();
  return { ...real, decode: vi.fn(real.decode) };
});

describe("the session cookie", () => {
  it("is named as Auth.js names it: __Secure- prefixed on an https APP_URL only", () => {
    expect(sessionCookieName("https://baton.example.com")).toBe("__Secure-authjs.session-token");
    expect(sessionCookieName("http://localhost:3000")).toBe("authjs.session-token");
  });

  it("is read whole, or joined from Auth.js's numbered chunks in their order; other cookies are ignored", () => {
    const name = "authjs.session-token";
    expect(sessionTokenOf([{ name: "authjs.csrf-token", value: "x" }], name)).toBeUndefined();
    expect(sessionTokenOf([{ name, value: "" }], name)).toBeUndefined();
    expect(
      sessionTokenOf(
        [
          { name: "other", value: "a" },
          { name, value: "whole" },
        ],
        name,
      ),
    ).toBe("whole");
    const chunks = [
      { name: `${name}.10`, value: "K" },
      { name: `${name}.2`, value: "C" },
      { name: `${name}.0`, value: "A" },
      { name: `${name}.1`, value: "B" },
      { name: `${name}.x`, value: "!" },
      { name: `__Secure-${name}.3`, value: "!" },
    ];
    expect(sessionTokenOf(chunks, name)).toBe("ABCK");
  });
});

describe("a session token's claims", () => {
  const secret = "a-test-secret-of-thirty-two-chars!";
  const salt = "authjs.session-token";

  it("are decrypted once and reused only for the same secret and salt, never past the token's expiry", async () => {
    const decodeCalls = vi.mocked(decode);
    decodeCalls.mockClear();
    const token = await encode({ token: { sid: "s1", uid: "u1" }, secret, salt, maxAge: 3600 });
    const now = Date.now();
    expect(await claimsOf(token, secret, salt, now)).toMatchObject({ sid: "s1", uid: "u1" });
    expect(await claimsOf(token, secret, salt, now + 1000)).toMatchObject({ sid: "s1" });
    expect(decodeCalls).toHaveBeenCalledTimes(1);
    // Another secret or salt: decrypted again, and refused.
    expect(await claimsOf(token, "another-secret-of-thirty-two-chars", salt, now)).toBeNull();
    expect(await claimsOf(token, secret, "__Secure-authjs.session-token", now)).toBeNull();
    expect(decodeCalls).toHaveBeenCalledTimes(3);
    // A minute later, or past the token's own expiry, the token is decrypted (and checked) again.
    await claimsOf(token, secret, salt, now + 61_000);
    expect(decodeCalls).toHaveBeenCalledTimes(4);
    const short = await encode({ token: { sid: "s2", uid: "u1" }, secret, salt, maxAge: 5 });
    await claimsOf(short, secret, salt, now);
    await claimsOf(short, secret, salt, now + 6_000);
    expect(decodeCalls).toHaveBeenCalledTimes(6);
  });

  it("of a tampered token are none, and nothing is kept of it", async () => {
    const token = await encode({ token: { sid: "s3", uid: "u1" }, secret, salt, maxAge: 3600 });
    const tampered = `${token.slice(0, -4)}AAAA`;
    expect(await claimsOf(tampered, secret, salt)).toBeNull();
    expect(await claimsOf(tampered, secret, salt)).toBeNull();
  });
});
