import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { dispatchedEffects, recordedEvents } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { unitOf } from "@/lib/testing/perform";
import { sweepJob } from "./jobs";
import { writeOutbox } from "./outbox";

const HOUR = 3_600_000;

describe("the outbox sweep job", () => {
  it("hands a delivery no run completed back to the dispatcher as a redeliver effect, announced under a new event id", async () => {
    const db = await testDb();
    const user = await makeUser(db, { workingMode: "office" });
    const written = new Date(Date.now() - HOUR);
    const [id] = await db.transaction((tx) =>
      writeOutbox(unitOf(tx, written), [
        { recipientId: user.id, kind: "task.assigned", priority: "high", title: "Pilne", link: "/tasks/x", dedupeKey: `sweep:${randomUUID()}` },
      ]),
    );
    const before = dispatchedEffects().length;

    expect(await sweepJob(db, new Date())).toBeGreaterThanOrEqual(1);
    const mine = dispatchedEffects()
      .slice(before)
      .flat()
      .flatMap((e) => (e.kind === "redeliver" ? e.notifications : []))
      .filter((n) => n.id === id);
    expect(mine).toEqual([{ id, dispatch: 1 }]);
    await expect.poll(() => recordedEvents().some((e) => e.id === `notification-${id}-r1`)).toBe(true);

    // Announced again just now: the next pass leaves it alone.
    const again = dispatchedEffects().length;
    await sweepJob(db, new Date());
    expect(
      dispatchedEffects()
        .slice(again)
        .flat()
        .some((e) => e.kind === "redeliver" && e.notifications.some((n) => n.id === id)),
    ).toBe(false);
  });
});
