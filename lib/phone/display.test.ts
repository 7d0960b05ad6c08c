import { describe, expect, it } from "vitest";
import { displayPhone } from "./display";

describe("displayPhone", () => {
  it("groups an E.164 number the way its country writes it and leaves odd input alone", () => {
    expect(displayPhone("+48601420100")).toBe("+48 601 420 100");
    expect(displayPhone("+4915112345678")).toBe("+49 1511 2345678");
    expect(displayPhone("wew. 12")).toBe("wew. 12");
    expect(displayPhone(null)).toBeNull();
  });
});
