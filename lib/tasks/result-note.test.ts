import { SegmentedMessage } from "sms-segments-calculator";
import { describe, expect, it } from "vitest";
import { composeEmail, composeSms, noticeFor, type Recipient } from "@/lib/notify/compose";
import { notice } from "@/lib/notify/notice";
import { changeStatusInput } from "./schema";

const TASK = "8f0b7c44-7a36-4c55-9d43-0d3c9f0e1a11";
const base = { taskId: TASK, taskNumber: 18, title: "Przegląd pieców", priority: "high", version: 4, actor: "Paweł Krawczyk" } as const;
const lead: Recipient = { email: "lead@test.example", phone: "+48601234567", locale: "pl", timeZone: "Europe/Warsaw" };
const english: Recipient = { ...lead, locale: "en", timeZone: "Europe/Berlin" };
const APP_URL = "https://baton.example.com";

function outgoing(kind: "task.completed" | "task.awaitingAcceptance" | "task.cancelled", comment: string | undefined, reader: Recipient) {
  const row = notice(
    kind,
    { ...base, ...(comment ? { comment } : {}) },
    { id: "5d7c2a10-1111-4222-8333-444455556666", locale: reader.locale, timeZone: reader.timeZone },
  );
  return { id: TASK, kind: row.kind, priority: row.priority!, title: row.title, body: row.body ?? "", link: row.link ?? null, payload: row.payload! };
}

describe("the assignee's result note", () => {
  it("reads as a result note in the delegator's notice, in the app and in the e-mail, in their language", async () => {
    const pl = noticeFor(outgoing("task.awaitingAcceptance", "Wymieniono obie grzałki.", lead), lead);
    expect(pl.inApp.body).toContain("Notatka o wyniku: Wymieniono obie grzałki.");
    const en = noticeFor(outgoing("task.completed", "Both heaters replaced.", english), english);
    expect(en.inApp.body).toContain("Result note: Both heaters replaced.");
    const email = await composeEmail(outgoing("task.completed", "Both heaters replaced.", english), english, APP_URL);
    expect(email.text).toContain("Result note: Both heaters replaced.");
    // A comment on other kinds stays a comment.
    expect(noticeFor(outgoing("task.cancelled", "Klient zrezygnował", english), english).inApp.body).toContain("Comment: Klient zrezygnował");
  });

  it("goes by SMS only whole and only when the SMS stays one segment", () => {
    const short = composeSms(outgoing("task.completed", "Done, 2 heaters", english), english, APP_URL, { gsm7: true });
    expect(short).toBe("Baton: task #18 done by P. Krawczyk: Przeglad piecow (result: Done, 2 heaters) https://baton.example.com/t/18");
    expect(new SegmentedMessage(short).segmentsCount).toBe(1);

    const long = "Wymieniono obie grzałki, sprawdzono termostat i uszczelki drzwi; klient podpisał protokół.";
    for (const gsm7 of [true, false]) {
      const text = composeSms(outgoing("task.awaitingAcceptance", long, lead), lead, APP_URL, { gsm7 });
      expect(new SegmentedMessage(text).segmentsCount, text).toBe(1);
      expect(text).not.toMatch(/wynik/);
      expect(text).toContain("#18");
    }
  });
});

describe("the result note's input", () => {
  it("is optional, trimmed, with line breaks as LF, and null when empty", () => {
    expect(changeStatusInput.parse({ taskId: TASK, status: "done" }).note ?? null).toBeNull();
    expect(changeStatusInput.parse({ taskId: TASK, status: "done", note: "  \n " }).note).toBeNull();
    expect(changeStatusInput.parse({ taskId: TASK, status: "done", note: " Gotowe\r\nprotokół w segregatorze " }).note).toBe("Gotowe\nprotokół w segregatorze");
  });

  it("refuses control characters, a note over 1000 characters and a note on anything but done", () => {
    const issues = (input: Record<string, unknown>) =>
      changeStatusInput.safeParse({ taskId: TASK, ...input }).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({ status: "done", note: "zły\u0000znak" })).toEqual([["note", "controlCharacters"]]);
    expect(issues({ status: "done", note: "a\u202Eb" })).toEqual([["note", "controlCharacters"]]);
    expect(issues({ status: "done", note: "x".repeat(1001) })).toEqual([["note", "tooLong"]]);
    expect(issues({ status: "done", note: "x".repeat(1000) })).toBeUndefined();
    expect(issues({ status: "in_progress", note: "Zaczynam" })).toEqual([["note", "tasks.errors.noteOnlyWhenDone"]]);
  });
});
