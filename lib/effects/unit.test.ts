import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { Conflict } from "@/lib/action/errors";
import { dispatcher, setDispatcher, type Effect } from ".";
import { refuseAfterCommit, runUnit } from "./unit";

/** A database whose transaction records whether it committed or rolled back. */
function fakeDb() {
  const outcomes: ("commit" | "rollback")[] = [];
  const db = {
    async transaction<T>(fn: (tx: unknown) => Promise<T>): Promise<T> {
      try {
        const result = await fn({ marker: "tx" });
        outcomes.push("commit");
        return result;
      } catch (error) {
        outcomes.push("rollback");
        throw error;
      }
    },
  } as unknown as Db;
  return { db, outcomes };
}

const original = dispatcher();
afterEach(() => setDispatcher(original));

function recorder(outcomes: string[]) {
  const dispatched: Effect[][] = [];
  setDispatcher({
    name: "recorder",
    async dispatch(effects) {
      // What the transaction did before the dispatcher was called.
      dispatched.push([...effects]);
      outcomes.push("dispatch");
    },
  });
  return dispatched;
}

describe("runUnit", () => {
  it("gives the command the transaction, the viewer, the unit's now and its effects, and dispatches them after commit", async () => {
    const { db, outcomes } = fakeDb();
    const dispatched = recorder(outcomes);
    const now = new Date("2026-03-29T07:00:00Z");
    const result = await runUnit(
      db,
      null,
      async (work) => {
        work.effects.notify(["n-1"]);
        work.effects.schedule({ type: "task", id: "t-1", version: 2 });
        return { tx: work.tx, viewer: work.viewer, now: work.now };
      },
      { now },
    );
    expect(result).toEqual({ tx: { marker: "tx" }, viewer: null, now });
    expect(outcomes).toEqual(["commit", "dispatch"]);
    expect(dispatched).toEqual([
      [
        { kind: "notify", ids: ["n-1"] },
        { kind: "schedule", item: { type: "task", id: "t-1", version: 2 } },
      ],
    ]);
  });

  it("rolls back and dispatches nothing when the command throws", async () => {
    const { db, outcomes } = fakeDb();
    const dispatched = recorder(outcomes);
    await expect(
      runUnit(db, null, async (work) => {
        work.effects.notify(["n-1"]);
        throw new Conflict("stale");
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(outcomes).toEqual(["rollback"]);
    expect(dispatched).toEqual([]);
  });

  it("commits and dispatches what was written before a refusal that keeps it, then refuses", async () => {
    const { db, outcomes } = fakeDb();
    const dispatched = recorder(outcomes);
    await expect(
      runUnit(db, null, async (work) => {
        work.effects.notify(["n-2"]);
        refuseAfterCommit(new Conflict("settings.errors.tooManyAttempts"));
      }),
    ).rejects.toMatchObject({ code: "conflict", message: "settings.errors.tooManyAttempts" });
    expect(outcomes).toEqual(["commit", "dispatch"]);
    expect(dispatched).toEqual([[{ kind: "notify", ids: ["n-2"] }]]);
  });

  it("reads the clock once, when the unit starts, unless given a now", async () => {
    const { db } = fakeDb();
    recorder([]);
    const before = Date.now();
    const seen = await runUnit(db, null, async (work) => work.now);
    expect(seen.getTime()).toBeGreaterThanOrEqual(before);
    expect(seen.getTime()).toBeLessThanOrEqual(Date.now());
  });
});
