import { randomBytes, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/inbound/resend/route";
import type { Db } from "@/db";
import { notificationDeliveries, notifications } from "@/db/schema";
import { createEntry } from "@/lib/calendar/commands";
import { deliveryLogFor } from "@/lib/calendar/delivery-log";
import { createEntryInput } from "@/lib/calendar/schema";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { perform, performedEffects } from "@/lib/testing/perform";
import { signedHeaders, type WebhookDelivery } from "@/lib/testing/resend-webhook";
import { deliverNow } from "./jobs";
import { devMailboxEmail, devMailboxSms } from "./providers/dev-mailbox";

// The route reads its settings once: Resend's keys are set before any test.
const SECRET = `whsec_${randomBytes(24).toString("base64")}`;
vi.stubEnv("RESEND_API_KEY", "re_test_bounces");
vi.stubEnv("RESEND_WEBHOOK_SECRET", SECRET);
afterAll(() => vi.unstubAllEnvs());

/** Resend's `email.bounced` webhook for an e-mail known at Resend by `emailId`, with its Message-ID header. */
function bounceOf(emailId: string, messageId: string, to: string): WebhookDelivery {
  const body = JSON.stringify({
    type: "email.bounced",
    created_at: new Date().toISOString(),
    data: {
      email_id: emailId,
      created_at: new Date().toISOString(),
      message_id: messageId,
      from: "Baton <powiadomienia@baton.example>",
      to: [to],
      subject: "Invitation",
      bounce: { message: "550 5.1.1 mailbox unavailable", subType: "General", type: "Permanent" },
    },
  });
  return { emailId, svixId: `msg_${randomUUID()}`, body };
}

async function post(d: WebhookDelivery, headers: Record<string, string> = signedHeaders(SECRET, d)): Promise<Response> {
  return POST(
    new Request("http://localhost/api/inbound/resend", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: d.body }),
  );
}

async function invited(db: Db) {
  const organizer = await makeUser(db, { name: "Tomasz Nowak", timeZone: "Europe/Warsaw" });
  const guest = `jan.${organizer.id.slice(0, 8)}@hotel.example`;
  const entry = await perform(
    db,
    organizer.viewer,
    createEntry,
    createEntryInput.parse({ time: { allDay: false, start: "2027-05-10T09:00", end: "2027-05-10T10:30" }, title: "Negocjacje", guests: [{ email: guest }] }),
  );
  const ids = performedEffects()
    .at(-1)!
    .flatMap((e) => (e.kind === "notify" ? e.ids : []));
  await deliverNow({ db, providers: { email: devMailboxEmail(db), sms: devMailboxSms(db), push: null }, appUrl: "https://baton.example.com" }, ids);
  const [delivery] = await db
    .select({ id: notificationDeliveries.id, providerId: notificationDeliveries.providerId, status: notificationDeliveries.status })
    .from(notificationDeliveries)
    .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
    .where(sql`${notifications.address}->>'email' = ${guest}`);
  return { organizer, guest, entryId: entry.id, delivery: delivery! };
}

async function deliveryRow(db: Db, id: string) {
  const [row] = await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.id, id));
  return row!;
}

describe("e-mails that bounce after sending (Resend's email.bounced webhook)", () => {
  it("marks the sent e-mail failed as bounced, found by its Message-ID, and the invitation's delivery log says so", async () => {
    const db = await testDb();
    const m = await invited(db);
    expect(m.delivery).toMatchObject({ status: "sent" });
    expect(m.delivery.providerId).toBeTruthy();

    // Resend names the mail by its own id and by the Message-ID Baton gave it (here without angle brackets).
    const response = await post(bounceOf(`re_${randomUUID()}`, m.delivery.providerId!.replace(/^<|>$/g, ""), m.guest));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ bounced: 1 });
    expect(await deliveryRow(db, m.delivery.id)).toMatchObject({ status: "failed", reason: "bounced" });
    const log = await deliveryLogFor(db, m.organizer.viewer, m.entryId);
    expect(log?.map((r) => [r.attendee.name, r.mail?.status, r.mail?.reason])).toEqual([[m.guest, "failed", "bounced"]]);
  });

  it("changes nothing for an e-mail Baton does not know, nor for a webhook whose signature does not match", async () => {
    const db = await testDb();
    const m = await invited(db);
    const before = await deliveryRow(db, m.delivery.id);

    const unknown = await post(bounceOf(`re_${randomUUID()}`, `<${randomUUID()}@elsewhere.example>`, m.guest));
    expect(await unknown.json()).toEqual({ bounced: 0 });

    const forged = bounceOf(`re_${randomUUID()}`, m.delivery.providerId!, m.guest);
    const refused = await post(forged, signedHeaders(`whsec_${randomBytes(24).toString("base64")}`, forged));
    expect(refused.status).toBe(401);
    expect(await deliveryRow(db, m.delivery.id)).toEqual(before);
  });
});
