import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/notifications/route";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { writeOutbox } from "./outbox";
import { unitOf } from "@/lib/testing/perform";

describe("GET /api/notifications (the bell's feed)", () => {
  it("answers 401 when signed out and shows each person only their own notifications", async () => {
    const db = await testDb();
    const owner = await makeUser(db);
    const other = await makeUser(db);
    const title = `Tylko dla właściciela ${randomUUID()}`;
    await db.transaction((tx) =>
      writeOutbox(unitOf(tx), [{ recipientId: owner.id, kind: "task.assigned", title, body: "", link: "/tasks/x", dedupeKey: `feed:${randomUUID()}` }]),
    );

    actAs(null);
    expect((await GET()).status).toBe(401);

    actAs(other.viewer);
    const strangerFeed = (await (await GET()).json()) as { unread: number; items: { title: string }[] };
    expect(strangerFeed).toEqual({ unread: 0, items: [] });

    actAs(owner.viewer);
    const res = await GET();
    expect(res.headers.get("cache-control")).toBe("no-store");
    const feed = (await res.json()) as { unread: number; items: { title: string }[] };
    expect(feed.unread).toBe(1);
    expect(feed.items.map((i) => i.title)).toEqual([title]);
  });
});
