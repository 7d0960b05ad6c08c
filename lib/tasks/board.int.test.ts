import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { tasks } from "@/db/schema";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { perform } from "@/lib/testing/perform";
import { footprint, historyOf, makeTaskOrg } from "@/lib/testing/task-org";
import { moveOnBoardAction } from "./actions";
import { BOARD_COLUMN_CAP, taskBoard } from "./board-list";
import { createTask } from "./commands";
import { parseListParams } from "./list-params";

const base = {
  title: "Przegląd kotła",
  description: null,
  priority: "normal" as const,
  dueAt: null,
  assigneeId: null,
  clientId: null,
  caseId: null,
  needsAcceptance: false,
  progress: 0,
  reminders: [],
};

async function delegated(needsAcceptance = false) {
  const db = await testDb();
  const org = await makeTaskOrg(db);
  const { id } = await perform(db, org.lead.viewer, createTask, { ...base, assigneeId: org.tech.id, needsAcceptance });
  return { db, org, id };
}

const statusOf = async (db: Awaited<ReturnType<typeof testDb>>, id: string) => (await db.select({ s: tasks.status }).from(tasks).where(eq(tasks.id, id)))[0]!.s;

describe("moving a card on the board", () => {
  it("runs the assignee's status steps with their history", async () => {
    const { db, org, id } = await delegated();
    actAs(org.tech.viewer);
    expect(await moveOnBoardAction({ taskId: id, status: "in_progress" })).toMatchObject({ ok: true, data: { status: "in_progress" } });
    expect(await moveOnBoardAction({ taskId: id, status: "done" })).toMatchObject({ ok: true, data: { status: "done", progress: 100 } });
    expect((await historyOf(db, id)).map((h) => [h.kind, h.oldValue, h.newValue])).toEqual([
      ["created", null, org.tech.id],
      ["status", "open", "in_progress"],
      ["status", "in_progress", "done"],
      ["progress", "0", "100"],
    ]);
    // Closed: the assignee cannot move it back; the delegator reopens it by dropping it on "open".
    expect(await moveOnBoardAction({ taskId: id, status: "open" })).toMatchObject({
      ok: false,
      code: "conflict",
      error: "The task is already closed (done or cancelled).",
    });
    actAs(org.lead.viewer);
    expect(await moveOnBoardAction({ taskId: id, status: "open" })).toMatchObject({ ok: true, data: { status: "open" } });
  });

  it("lets the delegator accept a result and call work off, and refuses what only the page does", async () => {
    const { db, org, id } = await delegated(true);
    actAs(org.tech.viewer);
    // Done on a task that needs acceptance is refused as such; it goes to "awaiting acceptance".
    expect(await moveOnBoardAction({ taskId: id, status: "done" })).toMatchObject({ ok: false, code: "conflict" });
    expect(await moveOnBoardAction({ taskId: id, status: "awaiting_acceptance" })).toMatchObject({ ok: true, data: { status: "awaiting_acceptance" } });
    actAs(org.lead.viewer);
    const before = await footprint(db, id);
    expect(await moveOnBoardAction({ taskId: id, status: "in_progress" })).toMatchObject({
      ok: false,
      code: "conflict",
      error: "Send the result back from the task's page, with a note of what is missing.",
    });
    expect(await footprint(db, id)).toEqual(before);
    expect(await moveOnBoardAction({ taskId: id, status: "done" })).toMatchObject({ ok: true, data: { status: "done" } });
    expect((await historyOf(db, id)).at(-1)).toMatchObject({ kind: "accepted", newValue: "done", actorId: org.lead.id });

    const { id: other } = await perform(db, org.lead.viewer, createTask, { ...base, assigneeId: org.tech.id });
    // The delegator does not work the task: only its assignee starts it.
    expect(await moveOnBoardAction({ taskId: other, status: "in_progress" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await moveOnBoardAction({ taskId: other, status: "cancelled" })).toMatchObject({ ok: true, data: { status: "cancelled" } });
  });

  it("refuses a stranger, a signed-out request and bad input, changing nothing", async () => {
    const { db, org, id } = await delegated();
    const before = await footprint(db, id);
    for (const who of [org.stranger, org.tech2]) {
      actAs(who.viewer);
      for (const status of ["in_progress", "done", "cancelled"] as const) {
        expect(await moveOnBoardAction({ taskId: id, status })).toMatchObject({ ok: false, code: "forbidden", error: "You do not have access to this task." });
      }
    }
    actAs(null);
    expect(await moveOnBoardAction({ taskId: id, status: "in_progress" })).toMatchObject({ ok: false, code: "unauthenticated" });
    actAs(org.tech.viewer);
    expect(await moveOnBoardAction({ taskId: id, status: "finished" } as never)).toMatchObject({ ok: false, code: "invalid" });
    expect(await moveOnBoardAction({ taskId: "not-an-id", status: "done" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await moveOnBoardAction({ taskId: id, status: "in_progress", expectedVersion: 7 })).toMatchObject({ ok: false, code: "conflict" });
    expect(await footprint(db, id)).toEqual(before);
    expect(await statusOf(db, id)).toBe("open");
  });
});

describe("the board of a list", () => {
  it("shows a column per status with its count, capped, and offers each card only the moves the viewer may make", async () => {
    const { db, org, id } = await delegated(true);
    const extra = BOARD_COLUMN_CAP + 3;
    for (let i = 0; i < extra; i++) await perform(db, org.tech2.viewer, createTask, { ...base, title: `Zlecenie ${i}`, assigneeId: org.tech2.id });
    const lead = await taskBoard(db, org.lead.viewer, "team", parseListParams({ layout: "board" }), new Date("2026-03-02T09:00:00Z"));
    expect(lead.columns.map((c) => [c.status, c.total, c.cards.length])).toEqual([
      ["open", extra + 1, BOARD_COLUMN_CAP],
      ["in_progress", 0, 0],
      ["awaiting_acceptance", 0, 0],
      ["done", 0, 0],
    ]);
    // The lead delegated it: with every status shown, calling it off is the one move theirs.
    expect(lead.columns[0]!.cards.find((c) => c.id === id)?.targets).toEqual([]);
    const all = await taskBoard(db, org.lead.viewer, "team", parseListParams({ status: "all" }), new Date("2026-03-02T09:00:00Z"));
    expect(all.columns[0]!.cards.find((c) => c.id === id)?.targets).toEqual(["cancelled"]);
    const mine = await taskBoard(db, org.tech.viewer, "mine", parseListParams({ status: "all" }), new Date("2026-03-02T09:00:00Z"));
    expect(mine.columns.map((c) => c.status)).toEqual(["open", "in_progress", "awaiting_acceptance", "done", "cancelled"]);
    // The assignee of a task that needs acceptance: start it, or hand it in for acceptance; never straight to done, never cancel.
    expect(mine.columns[0]!.cards.map((c) => [c.id, c.targets])).toEqual([[id, ["in_progress", "awaiting_acceptance"]]]);
    const delegator = await taskBoard(db, org.lead.viewer, "delegated", parseListParams({}), new Date("2026-03-02T09:00:00Z"));
    expect(delegator.columns[0]!.cards.find((c) => c.id === id)?.targets).toEqual([]);
  });
});
