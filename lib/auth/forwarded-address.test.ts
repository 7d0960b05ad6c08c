import { describe, expect, it } from "vitest";
import { normalizeAddress, parseTrustedProxies, resolveClientAddress } from "./forwarded-address.mjs";

describe("resolveClientAddress", () => {
  it("takes the socket address and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(resolveClientAddress({ socketAddress: "198.51.100.7", forwardedFor: "203.0.113.1", trustedProxies: 0 })).toBe("198.51.100.7");
    expect(resolveClientAddress({ socketAddress: "198.51.100.7", forwardedFor: undefined, trustedProxies: 0 })).toBe("198.51.100.7");
  });

  it("takes the entry that many hops from the right with trusted proxies, whatever the client prepended", () => {
    // client 192.0.2.5 forged "1.1.1.1"; proxy A appended the client; proxy B appended A.
    const forwardedFor = "1.1.1.1, 192.0.2.5, 10.0.0.2";
    expect(resolveClientAddress({ socketAddress: "10.0.0.3", forwardedFor: "1.1.1.1, 192.0.2.5", trustedProxies: 1 })).toBe("192.0.2.5");
    expect(resolveClientAddress({ socketAddress: "10.0.0.3", forwardedFor, trustedProxies: 2 })).toBe("192.0.2.5");
  });

  it("reads several X-Forwarded-For headers as one list", () => {
    expect(resolveClientAddress({ socketAddress: "10.0.0.3", forwardedFor: ["1.1.1.1", "192.0.2.5"], trustedProxies: 1 })).toBe("192.0.2.5");
  });

  it("stops at the leftmost entry when the chain is shorter than the trusted proxies", () => {
    expect(resolveClientAddress({ socketAddress: "10.0.0.3", forwardedFor: "192.0.2.5", trustedProxies: 3 })).toBe("192.0.2.5");
    expect(resolveClientAddress({ socketAddress: "10.0.0.3", forwardedFor: undefined, trustedProxies: 1 })).toBe("10.0.0.3");
  });

  it("answers unknown for an entry that is not an address", () => {
    expect(resolveClientAddress({ socketAddress: "10.0.0.3", forwardedFor: "evil, not-an-ip", trustedProxies: 1 })).toBeNull();
    expect(resolveClientAddress({ socketAddress: undefined, forwardedFor: undefined, trustedProxies: 0 })).toBeNull();
  });
});

describe("normalizeAddress", () => {
  it("strips IPv4-mapped prefixes, brackets and ports", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("192.0.2.5:51234")).toBe("192.0.2.5");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(normalizeAddress("localhost")).toBeNull();
    expect(normalizeAddress(" ")).toBeNull();
  });
});

describe("parseTrustedProxies", () => {
  it("defaults to none and accepts small whole numbers", () => {
    expect(parseTrustedProxies(undefined)).toBe(0);
    expect(parseTrustedProxies("")).toBe(0);
    expect(parseTrustedProxies(" 2 ")).toBe(2);
  });
  it("refuses anything else with a message naming the setting", () => {
    for (const bad of ["-1", "1.5", "true", "11", "one"]) expect(() => parseTrustedProxies(bad)).toThrow(/TRUSTED_PROXIES/);
  });
});
