import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/notifications/route";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { NotFound } from "@/lib/action/errors";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { updateProfileAction } from "@/lib/org/actions";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { unitOf } from "@/lib/testing/perform";
import { notice } from "./notice";
import { writeOutbox } from "./outbox";
import { notificationsCausedBy, notificationsOf, notificationWithLog } from "./queries";

const DUE = "2026-12-03T08:00:00.000Z"; // 09:00 in Warsaw and Berlin

async function assignedNotice(db: Db, recipient: Viewer, actor: Viewer, title: string): Promise<string> {
  const row = notice(
    "task.assigned",
    { taskId: randomUUID(), taskNumber: 318, title, priority: "normal", version: 1, actor: actor.name, assignee: recipient.name, dueAt: DUE },
    recipient,
    { actorId: actor.id },
  );
  const [id] = await db.transaction((tx) => writeOutbox(unitOf(tx), [row]));
  return id!;
}

async function viewerOf(db: Db, id: string): Promise<Viewer> {
  return (await loadViewer(db, id))!;
}

interface Feed {
  items: { id: string; title: string; body: string; at: string; payload?: unknown }[];
}

describe("a notice is read in its reader's language, zone and date format, not the one it was written in", () => {
  it("shows a notice written for a Polish recipient in English with Berlin dates once they switch, and in their chosen format", async () => {
    const db = await testDb();
    const actor = await makeUser(db, { name: "Tomasz Nowak", locale: "en", timeZone: "America/New_York" });
    const recipient = await makeUser(db, { name: "Anna Wiśniewska", locale: "pl", timeZone: "Europe/Warsaw" });
    const title = `Przegląd pieca ${randomUUID().slice(0, 6)}`;
    const id = await assignedNotice(db, recipient.viewer, actor.viewer, title);

    // Written in Polish, and read in Polish while the recipient reads Polish.
    const [polish] = await notificationsOf(db, recipient.viewer);
    expect(polish).toMatchObject({ id, title: `Nowe zadanie #318: ${title}` });
    expect(polish!.body).toContain("03.12.2026, 09:00");

    actAs(recipient.viewer);
    expect(await updateProfileAction({ name: recipient.name, phone: null, timeZone: "Europe/Berlin", locale: "en", workingMode: "office" })).toMatchObject({
      ok: true,
    });
    const english = await viewerOf(db, recipient.id);
    expect(english).toMatchObject({ locale: "en", timeZone: "Europe/Berlin", dateFormat: "auto" });

    const [item] = await notificationsOf(db, english);
    expect(item).toMatchObject({ id, title: `New task #318: ${title}` });
    expect(item!.body).toContain(`Tomasz Nowak has assigned “${title}” to you.`);
    expect(item!.body).toContain("3 Dec 2026, 09:00");
    expect(item!.body).not.toMatch(/12\/03\/2026|Nowe zadanie|Termin/);
    expect(item).not.toHaveProperty("payload");

    // The page of the notice, and the bell's feed, say the same.
    expect((await notificationWithLog(db, english, id)).notification).toMatchObject({ title: `New task #318: ${title}`, body: item!.body });
    actAs(english);
    const feed = (await (await GET(new Request("http://localhost/api/notifications"))).json()) as Feed;
    expect(feed.items[0]).toMatchObject({ id, title: `New task #318: ${title}`, body: item!.body });
    expect(feed.items[0]).not.toHaveProperty("payload");
    expect(feed.items[0]!.at).toMatch(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2}$/);

    // A chosen format wins over the automatic one, everywhere the notice is shown.
    expect(
      await updateProfileAction({ name: recipient.name, phone: null, timeZone: "Europe/Berlin", locale: "en", dateFormat: "iso", workingMode: "office" }),
    ).toMatchObject({ ok: true });
    const iso = await viewerOf(db, recipient.id);
    expect(iso.dateFormat).toBe("iso");
    expect((await notificationsOf(db, iso))[0]!.body).toContain("2026-12-03 09:00");
    actAs(iso);
    expect(((await (await GET(new Request("http://localhost/api/notifications"))).json()) as Feed).items[0]!.body).toContain("2026-12-03 09:00");

    // Saving the profile without a date format keeps the one chosen.
    expect(await updateProfileAction({ name: recipient.name, phone: null, timeZone: "Europe/Berlin", locale: "en", workingMode: "office" })).toMatchObject({
      ok: true,
    });
    expect((await viewerOf(db, recipient.id)).dateFormat).toBe("iso");
  });

  it("shows 'Caused by me' in the causer's language and zone, not the recipient's", async () => {
    const db = await testDb();
    const actor = await makeUser(db, { name: "Tomasz Nowak", locale: "en", timeZone: "America/New_York" });
    const recipient = await makeUser(db, { locale: "pl", timeZone: "Europe/Warsaw" });
    const title = `Wymiana uszczelki ${randomUUID().slice(0, 6)}`;
    const id = await assignedNotice(db, recipient.viewer, actor.viewer, title);

    const [sent] = await notificationsCausedBy(db, actor.viewer);
    expect(sent).toMatchObject({ id, title: `New task #318: ${title}` });
    expect(sent).not.toHaveProperty("payload");
    const { notification } = await notificationWithLog(db, actor.viewer, id);
    expect(notification.title).toBe(`New task #318: ${title}`);
    // Due 09:00 in Warsaw is 03:00 in New York, written the US way for an English reader there.
    expect(notification.body).toContain("12/03/2026, 03:00 AM");
  });

  it("keeps the stored text of a row its kind cannot render, while a renderable one follows the reader", async () => {
    const db = await testDb();
    const actor = await makeUser(db, { name: "Tomasz Nowak" });
    const recipient = await makeUser(db, { locale: "pl" });
    const title = `Stary wiersz ${randomUUID()}`;
    await assignedNotice(db, recipient.viewer, actor.viewer, `${title} 0`);
    await db.transaction((tx) =>
      writeOutbox(unitOf(tx), [{ recipientId: recipient.id, kind: "task.assigned", title, body: "Treść", link: "/tasks/x", dedupeKey: `old:${randomUUID()}` }]),
    );
    await db.transaction((tx) =>
      writeOutbox(unitOf(tx), [{ recipientId: recipient.id, kind: "gone.kind", title: `${title} 2`, body: "", link: null, dedupeKey: `gone:${randomUUID()}` }]),
    );
    await db.update(users).set({ locale: "en" }).where(eq(users.id, recipient.id));
    const rows = await notificationsOf(db, await viewerOf(db, recipient.id));
    expect(rows.map((n) => n.title)).toEqual(expect.arrayContaining([`${title} 2`, title, `New task #318: ${title} 0`]));
    expect(rows.find((n) => n.title === title)?.body).toBe("Treść");
  });
});

describe("nobody reads another person's rendered notice", () => {
  it("gives a stranger neither the notice nor its rendered text, in the list, the feed or the page", async () => {
    const db = await testDb();
    const actor = await makeUser(db, { locale: "en" });
    const recipient = await makeUser(db, { locale: "pl", timeZone: "Europe/Warsaw" });
    const stranger = await makeUser(db, { locale: "en", timeZone: "Europe/Berlin" });
    const title = `Poufny przegląd ${randomUUID().slice(0, 6)}`;
    const id = await assignedNotice(db, recipient.viewer, actor.viewer, title);

    expect(await notificationsOf(db, stranger.viewer)).toEqual([]);
    expect(await notificationsCausedBy(db, stranger.viewer)).toEqual([]);
    await expect(notificationWithLog(db, stranger.viewer, id)).rejects.toBeInstanceOf(NotFound);
    actAs(stranger.viewer);
    const body = await (await GET(new Request("http://localhost/api/notifications"))).text();
    expect(body).not.toContain(title);
    expect(JSON.parse(body)).toEqual({ unread: 0, items: [] });

    // Its recipient, now reading English, gets it rendered for them, and only the text.
    await db.update(users).set({ locale: "en" }).where(eq(users.id, recipient.id));
    actAs(await viewerOf(db, recipient.id));
    const own = (await (await GET(new Request("http://localhost/api/notifications"))).json()) as Feed;
    expect(own.items.map((i) => i.title)).toEqual([`New task #318: ${title}`]);
    expect(own.items[0]).not.toHaveProperty("payload");
  });
});
