import { describe, expect, it } from "vitest";
import { encodeMentions, firstWords, labelFor, mentionedIds, mentionSegments, mentionToken, withMentionNames } from "./mention-text";

const ANNA = "1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed";
const ANNA_2 = "6ec0bd7f-11c0-43da-975e-2a8ad9ebae0b";
const JAN = "9c858901-8a57-4791-81fe-4c455b099bc9";

describe("mention text", () => {
  it("writes each picked person's @label as their id, longest label first, and leaves deleted ones out", () => {
    const picked = [
      { id: JAN, label: "Jan" },
      { id: ANNA, label: "Anna Nowak" },
      { id: ANNA_2, label: "Anna Nowak (Serwis)" },
    ];
    expect(encodeMentions("@Anna Nowak (Serwis) i @Anna Nowak, a @Jan? mail: a@b.pl", picked)).toBe(
      `${mentionToken(ANNA_2)} i ${mentionToken(ANNA)}, a ${mentionToken(JAN)}? mail: a@b.pl`,
    );
    // Typed by hand, never picked: plain text, no mention.
    expect(encodeMentions("@Ewa", picked)).toBe("@Ewa");
    expect(mentionedIds(encodeMentions("tylko @Jan", picked))).toEqual([JAN]);
  });

  it("reads the ids back once each, in order, whatever their case; malformed tokens are text", () => {
    const text = `${mentionToken(JAN)} i <@${ANNA.toUpperCase()}> oraz ${mentionToken(JAN)} <@nie-uuid> <@${ANNA.slice(0, -1)}>`;
    expect(mentionedIds(text)).toEqual([JAN, ANNA]);
    expect(mentionSegments(`a ${mentionToken(JAN)}!`)).toEqual([{ text: "a " }, { userId: JAN }, { text: "!" }]);
    expect(mentionSegments("")).toEqual([]);
  });

  it("shows mentions as names, and someone no longer found as the fallback; names are text, not markup", () => {
    const names = new Map([[JAN, "<img src=x onerror=alert(1)>"]]);
    expect(withMentionNames(`${mentionToken(JAN)} i ${mentionToken(ANNA)}`, names, "ktoś")).toBe("@<img src=x onerror=alert(1)> i @ktoś");
  });

  it("gives namesakes distinct labels", () => {
    const picked = [{ id: ANNA, label: "Anna Nowak" }];
    expect(labelFor({ id: ANNA, label: "Anna Nowak" }, picked)).toBe("Anna Nowak");
    expect(labelFor({ id: ANNA_2, label: "Anna Nowak", detail: "Serwis" }, picked)).toBe("Anna Nowak (Serwis)");
    expect(labelFor({ id: JAN, label: "Anna Nowak" }, picked)).toBe("Anna Nowak (2)");
  });

  it("cuts a notice's excerpt at a word, on one line", () => {
    expect(firstWords("  krótki\n tekst ")).toBe("krótki tekst");
    expect(firstWords("słowo ".repeat(40), 20)).toBe("słowo słowo słowo…");
    expect(firstWords("x".repeat(50), 20)).toBe(`${"x".repeat(20)}…`);
  });
});
