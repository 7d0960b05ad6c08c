import { describe, expect, it } from "vitest";
import { composeEmail, composePush, composeSms, type OutgoingNotification, type Recipient } from "@/lib/notify/compose";
import { notice } from "@/lib/notify/notice";
import type { NoticeKey, NoticePayload } from "@/lib/notify/registry";

const CASE = "2b9d1c3e-0c8e-4d1e-9a57-4f3b2a1c0d99";
const APP_URL = "https://baton.example.com";
// Client names end with a full stop more often than not: a sentence ending with one read "o.o..".
const facts = {
  caseId: CASE,
  caseNumber: 7,
  title: "Piec konwekcyjny Rational: błąd czujnika",
  client: "Hotel Wawel Residence sp. z o.o.",
  priority: "high",
  actor: "Joanna Kozłowska",
  assignedAt: "2026-03-28T10:00:00.000Z",
} as const;
const DUE = "2026-03-29T07:00:00.000Z";

const samples: { name: string; key: NoticeKey; payload: NoticePayload<"case.assigned"> | NoticePayload<"case.unassigned"> }[] = [
  { name: "a new case", key: "case.assigned", payload: { ...facts, dueAt: DUE } },
  { name: "a case handed over to its new owner", key: "case.assigned", payload: { ...facts, previous: "Paweł Krawczyk", dueAt: DUE } },
  { name: "a case taken off its previous owner", key: "case.unassigned", payload: { ...facts, owner: "Łukasz Piotrowski" } },
];
const readers: Recipient[] = [
  { email: "a@test.example", phone: "+48601234567", locale: "pl", timeZone: "Europe/Warsaw" },
  { email: "b@test.example", phone: "+48601234567", locale: "en", timeZone: "Europe/Berlin" },
];

async function everyText(key: NoticeKey, payload: unknown, reader: Recipient): Promise<string[]> {
  const row = notice(key, payload as NoticePayload<"case.assigned">, {
    id: "5d7c2a10-1111-4222-8333-444455556666",
    locale: reader.locale,
    timeZone: reader.timeZone,
  });
  const outgoing: OutgoingNotification = {
    id: "0e1d2c3b-4a59-4687-9786-a5b4c3d2e1f0",
    kind: row.kind,
    priority: row.priority!,
    title: row.title,
    body: row.body ?? "",
    link: row.link ?? null,
    payload: row.payload!,
  };
  const mail = await composeEmail(outgoing, reader, APP_URL);
  const push = composePush(outgoing, reader);
  return [
    row.title,
    row.body ?? "",
    mail.subject,
    mail.text,
    mail.html,
    composeSms(outgoing, reader, APP_URL),
    composeSms(outgoing, reader, APP_URL, { gsm7: true }),
    push.title,
    push.body,
  ];
}

describe("case notices", () => {
  for (const sample of samples) {
    for (const reader of readers) {
      it(`never write a double full stop for ${sample.name} (${reader.locale}), on any channel`, async () => {
        for (const text of await everyText(sample.key, sample.payload, reader)) {
          expect(text).not.toMatch(/(?<!\.)\.\.(?!\.)/);
        }
      });
    }
  }

  it("say a hand-over, not a new case, to the new owner of an existing case", async () => {
    const [pl, en] = await Promise.all(readers.map((r) => everyText("case.assigned", samples[1]!.payload, r)));
    expect(pl![2]).toBe("Przejmujesz sprawę #7: Piec konwekcyjny Rational: błąd czujnika");
    expect(en![2]).toBe("Case #7 handed over to you: Piec konwekcyjny Rational: błąd czujnika");
    expect(en![3]).toContain("Previous owner: Paweł Krawczyk");
    expect(en![3]).toContain("Client: Hotel Wawel Residence sp. z o.o.");
    expect(pl![6]).toMatch(/^Baton: sprawa #7 przekazana Tobie od J\. Kozlowska/);
    for (const text of [...pl!, ...en!]) expect(text).not.toMatch(/Nowa sprawa|nowa sprawa|New case|new case/);
    const fresh = await everyText("case.assigned", samples[0]!.payload, readers[1]!);
    expect(fresh[2]).toBe("New case #7: Piec konwekcyjny Rational: błąd czujnika");
  });

  it("tell the previous owner who has the case now", async () => {
    const [pl, en] = await Promise.all(readers.map((r) => everyText("case.unassigned", samples[2]!.payload, r)));
    expect(pl![2]).toBe("Sprawę #7 przejmuje Łukasz Piotrowski");
    expect(en![2]).toBe("Case #7 handed over to Łukasz Piotrowski");
    expect(en![3]).toContain("This case is no longer yours.");
    expect(en![3]).toContain("Changed by: Joanna Kozłowska");
    // With the GSM-7 setting on, the new owner's name fits too.
    expect(en![6]).toMatch(/^Baton: case #7 handed over \(now: L\. Piotrowski\)/);
    expect(en![5]).toContain(`${APP_URL}/c/7`);
  });
});
