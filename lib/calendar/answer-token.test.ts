import { describe, expect, it } from "vitest";
import { answerLinkKey, readAnswerLink, signAnswerLink, type AnswerLink } from "./answer-token";

const key = answerLinkKey("a-test-secret-a-test-secret-a-test-secret");
const link: AnswerLink = {
  entryId: "0b9a1a8e-1f3e-4a57-9b1d-6a7f0a6d1c11",
  attendee: { type: "guest", id: "7c4f7a52-2f55-4f8a-a7a4-61c4d2d0b0e3" },
  sequence: 2,
  expiresAt: new Date("2027-05-10T08:00:00.000Z"),
};

/** The token with one character changed at `at`, still base64url. */
function flip(token: string, at: number): string {
  const c = token[at] === "A" ? "B" : "A";
  return token.slice(0, at) + c + token.slice(at + 1);
}

describe("answer link tokens", () => {
  it("bind one occurrence of a series when signed with its RECURRENCE-ID, and refuse it altered", () => {
    const occurrence = { ...link, recurrenceId: new Date("2027-03-29T07:00:00.000Z") };
    const token = signAnswerLink(occurrence, key);
    expect(token).toMatch(/^[A-Za-z0-9_-]{83}$/);
    expect(readAnswerLink(token, key)).toEqual(occurrence);
    // The same link without the occurrence is another token, which answers the whole series.
    expect(readAnswerLink(signAnswerLink(link, key), key)?.recurrenceId).toBeUndefined();
    for (const at of [0, 50, 60, 82]) expect(readAnswerLink(flip(token, at), key)).toBeNull();
  });

  it("read back what they were signed with, and are the same every time they are made", () => {
    const token = signAnswerLink(link, key);
    expect(token).toMatch(/^[A-Za-z0-9_-]{78}$/);
    expect(readAnswerLink(token, key)).toEqual(link);
    expect(signAnswerLink(link, key)).toBe(token);
    expect(readAnswerLink(signAnswerLink({ ...link, attendee: { type: "user", id: link.attendee.id } }, key), key)?.attendee.type).toBe("user");
  });

  it("differ for another attendee, entry, invitation or end", () => {
    const token = signAnswerLink(link, key);
    expect(signAnswerLink({ ...link, attendee: { type: "guest", id: "7c4f7a52-2f55-4f8a-a7a4-61c4d2d0b0e4" } }, key)).not.toBe(token);
    expect(signAnswerLink({ ...link, entryId: "0b9a1a8e-1f3e-4a57-9b1d-6a7f0a6d1c12" }, key)).not.toBe(token);
    expect(signAnswerLink({ ...link, sequence: 3 }, key)).not.toBe(token);
    expect(signAnswerLink({ ...link, expiresAt: new Date("2027-05-10T09:00:00.000Z") }, key)).not.toBe(token);
  });

  it("refuse any altered character, a cut or lengthened token, another key and what is not base64url", () => {
    const token = signAnswerLink(link, key);
    for (let at = 0; at < token.length; at++) expect(readAnswerLink(flip(token, at), key), `changed at ${at}`).toBeNull();
    expect(readAnswerLink(token.slice(0, -1), key)).toBeNull();
    expect(readAnswerLink(`${token}A`, key)).toBeNull();
    expect(readAnswerLink(token, answerLinkKey("another-secret-another-secret-another"))).toBeNull();
    expect(readAnswerLink(`${token.slice(0, 10)}+/${token.slice(12)}`, key)).toBeNull();
    expect(readAnswerLink("", key)).toBeNull();
    expect(readAnswerLink("x".repeat(500), key)).toBeNull();
  });

  it("cannot be made for something that is not a uuid", () => {
    expect(() => signAnswerLink({ ...link, entryId: "42" }, key)).toThrow();
  });
});
