import { describe, expect, it } from "vitest";
import { composeEmail, composePush, composeSms, type OutgoingNotification, type Recipient } from "./compose";
import { notice } from "./notice";

// E-mail, SMS and push are rendered once, for their recipient: in their date format too.
const DUE = "2026-12-03T08:00:00.000Z"; // 09:00 in Warsaw and Berlin
const payload = {
  taskId: "8f0b7c44-7a36-4c55-9d43-0d3c9f0e1a11",
  taskNumber: 12,
  title: "Przegląd pieca",
  priority: "high",
  version: 1,
  actor: "Tomasz Nowak",
  dueAt: DUE,
} as const;
const base: Recipient = { email: "jan@test.example", phone: "+48601234567", locale: "en", timeZone: "Europe/Berlin" };

function stored(): OutgoingNotification {
  // Written for a Polish reader; each channel re-renders it for whoever receives it.
  const row = notice("task.assigned", payload, { id: "5d7c2a10-1111-4222-8333-444455556666", locale: "pl", timeZone: "Europe/Warsaw" });
  return {
    id: "0e1d2c3b-4a59-4687-9786-a5b4c3d2e1f0",
    kind: row.kind,
    priority: row.priority!,
    title: row.title,
    body: row.body ?? "",
    link: row.link ?? null,
    payload: row.payload!,
  };
}

describe("channels write dates in the recipient's date format", () => {
  it("follows a chosen format on every channel; the automatic one writes 3 Dec 2026, 09:00 for an English reader in Berlin", async () => {
    expect((await composeEmail(stored(), base, "https://baton.example.com")).text).toContain("3 Dec 2026, 09:00");
    const iso: Recipient = { ...base, dateFormat: "iso" };
    expect((await composeEmail(stored(), iso, "https://baton.example.com")).text).toContain("2026-12-03 09:00");
    expect(composeSms(stored(), iso, "https://baton.example.com")).toContain("2026-12-03 09:00");
    // SMS dates are short (no year but for ISO) and ASCII, in the reader's format too.
    expect(composeSms(stored(), base, "https://baton.example.com")).toContain("3 Dec 09:00");
    expect(composeSms(stored(), { ...base, dateFormat: "mdy" }, "https://baton.example.com")).toContain("12/03 09:00 AM");
    expect(composeSms(stored(), { ...base, dateFormat: "dmy_numeric" }, "https://baton.example.com")).toContain("03.12 09:00");
    expect(composePush(stored(), { ...base, dateFormat: "mdy" }).body).toContain("12/03, 09:00 AM");
    expect(composePush(stored(), { ...base, locale: "pl", dateFormat: "dmy_text" }).body).toContain("3 gru, 09:00");
  });
});
