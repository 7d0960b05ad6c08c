import { describe, expect, it, vi } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("reads only the address server.mjs set", () => {
    expect(clientAddress(new Headers({ "x-baton-client-address": "192.0.2.8", "x-forwarded-for": "6.6.6.6" }))).toBe("192.0.2.8");
  });

  it("without it, answers unknown instead of trusting X-Forwarded-For, and warns once", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.7" }))).toBeNull();
    expect(clientAddress(new Headers({ "x-baton-client-address": "not an address" }))).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/server\.mjs/);
    warn.mockRestore();
  });
});
