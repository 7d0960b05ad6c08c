import { describe, expect, it } from "vitest";
import { HANDOFF_TTL_MS, handOffSession, takeHandedOffSession } from "./session-handoff";
import type { LiveSession } from "./sessions";

function session(userId: string): LiveSession {
  return {
    userId,
    expiresAt: new Date("2026-12-08T00:00:00Z"),
    mustChangePassword: false,
    viewer: { id: userId } as LiveSession["viewer"],
  };
}

const AT = Date.UTC(2026, 11, 7, 12);

describe("the session the proxy hands to the page", () => {
  it("is given back once, for the cookie it was read for", () => {
    const ref = handOffSession("token-a", session("u-a"), AT);
    expect(takeHandedOffSession(ref, "token-a", AT + 5)?.userId).toBe("u-a");
    // A second look (or a replayed reference) finds nothing: the page then reads the row itself.
    expect(takeHandedOffSession(ref, "token-a", AT + 6)).toBeNull();
  });

  it("is not given for another cookie, and is gone after that attempt", () => {
    const ref = handOffSession("token-a", session("u-a"), AT);
    expect(takeHandedOffSession(ref, "token-b", AT + 5)).toBeNull();
    expect(takeHandedOffSession(ref, "token-a", AT + 6)).toBeNull();
  });

  it("expires", () => {
    const ref = handOffSession("token-a", session("u-a"), AT);
    expect(takeHandedOffSession(ref, "token-a", AT + HANDOFF_TTL_MS)).toBeNull();
  });

  it("means nothing for a reference the proxy did not make", () => {
    handOffSession("token-a", session("u-a"), AT);
    for (const ref of [null, undefined, "", "00000000-0000-4000-8000-000000000000", "token-a"]) {
      expect(takeHandedOffSession(ref, "token-a", AT + 5)).toBeNull();
    }
  });

  it("uses unguessable references, and drops entries nobody took once they expire", () => {
    const refs = new Set(Array.from({ length: 50 }, () => handOffSession("token-a", session("u-a"), AT)));
    expect(refs.size).toBe(50);
    for (const ref of refs) expect(ref).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // A later hand-off prunes the expired ones: their references no longer work even within a forged "now".
    handOffSession("token-c", session("u-c"), AT + HANDOFF_TTL_MS + 1);
    for (const ref of refs) expect(takeHandedOffSession(ref, "token-a", AT)).toBeNull();
  });
});
