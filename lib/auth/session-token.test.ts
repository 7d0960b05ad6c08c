import { describe, expect, it } from "vitest";
import { sessionCookieName, sessionTokenOf } from "./session-token";

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
