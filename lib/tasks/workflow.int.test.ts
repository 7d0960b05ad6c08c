import { eq } from "drizzle-orm";
import { perform } from "@/lib/testing/perform";
import { describe, expect, it } from "vitest";
import { tasks } from "@/db/schema";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { acceptTaskAction, cancelTaskAction, changeStatusAction, commentOnTaskAction, reopenTaskAction, returnTaskAction, setProgressAction } from "./actions";
import { createTask } from "./commands";
import { footprint, historyOf, makeTaskOrg, noticesOf } from "@/lib/testing/task-org";

const base = {
  title: "Naprawa pieca",
  description: null,
  priority: "high" as const,
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

describe("the assignee's work", () => {
  it("moves open → in progress → done, fills progress, records history and tells the delegator", async () => {
    const { db, org, id } = await delegated();
    actAs(org.tech.viewer);
    expect(await changeStatusAction({ taskId: id, status: "in_progress" })).toMatchObject({ ok: true, data: { status: "in_progress", version: 2 } });
    expect(await setProgressAction({ taskId: id, progress: 40 })).toMatchObject({ ok: true, data: { progress: 40, version: 3 } });
    expect(await changeStatusAction({ taskId: id, status: "done" })).toMatchObject({ ok: true, data: { status: "done", progress: 100, version: 4 } });
    const [row] = await db.select().from(tasks).where(eq(tasks.id, id));
    expect(row!.completedAt).toBeInstanceOf(Date);
    const history = await historyOf(db, id);
    expect(history.map((h) => [h.kind, h.field, h.oldValue, h.newValue, h.actorId === org.tech.id || h.kind === "created"])).toEqual([
      ["created", "assigneeId", null, org.tech.id, true],
      ["status", "status", "open", "in_progress", true],
      ["progress", "progress", "0", "40", true],
      ["status", "status", "in_progress", "done", true],
      ["progress", "progress", "40", "100", true],
    ]);
    const notices = await noticesOf(db, id);
    expect(notices.map((n) => [n.kind, n.recipientId])).toEqual(
      expect.arrayContaining([
        ["task.assigned", org.tech.id],
        ["task.completed", org.lead.id],
      ]),
    );
    expect(notices.find((n) => n.kind === "task.completed")!.title).toMatch(/^Wykonano zadanie #\d+: Naprawa pieca$/);
  });

  it("starts an open task when progress is first reported", async () => {
    const { db, org, id } = await delegated();
    actAs(org.tech.viewer);
    expect(await setProgressAction({ taskId: id, progress: 10 })).toMatchObject({ ok: true, data: { status: "in_progress", progress: 10 } });
    expect((await historyOf(db, id)).map((h) => h.kind)).toEqual(["created", "progress", "status"]);
  });

  it("refuses status and progress from anyone but the assignee, and writes nothing", async () => {
    const { db, org, id } = await delegated();
    const before = await footprint(db, id);
    for (const who of [org.lead, org.manager, org.admin]) {
      actAs(who.viewer);
      expect(await changeStatusAction({ taskId: id, status: "done" })).toMatchObject({
        ok: false,
        code: "forbidden",
        error: "Only the task's assignee changes its status and progress.",
      });
      expect(await setProgressAction({ taskId: id, progress: 50 })).toMatchObject({ ok: false, code: "forbidden" });
    }
    actAs(org.stranger.viewer);
    expect(await changeStatusAction({ taskId: id, status: "done" })).toMatchObject({
      ok: false,
      code: "forbidden",
      error: "You do not have access to this task.",
    });
    expect(await setProgressAction({ taskId: id, progress: 50 })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await footprint(db, id)).toEqual(before);
  });

  it("refuses progress 150 with a field error and writes nothing", async () => {
    const { db, org, id } = await delegated();
    const before = await footprint(db, id);
    actAs(org.tech.viewer);
    const r = await setProgressAction({ taskId: id, progress: 150 });
    expect(r).toMatchObject({ ok: false, code: "invalid", fieldErrors: { progress: ["Progress is a whole number from 0 to 100."] } });
    expect(await footprint(db, id)).toEqual(before);
  });

  it("refuses work on a closed task", async () => {
    const { db, org, id } = await delegated();
    actAs(org.tech.viewer);
    await changeStatusAction({ taskId: id, status: "done" });
    const before = await footprint(db, id);
    expect(await setProgressAction({ taskId: id, progress: 20 })).toMatchObject({ ok: false, code: "conflict" });
    expect(await changeStatusAction({ taskId: id, status: "in_progress" })).toMatchObject({ ok: false, code: "conflict" });
    expect(await footprint(db, id)).toEqual(before);
  });
});

describe("the result note", () => {
  it("goes with done into the history and the delegator's notice", async () => {
    const { db, org, id } = await delegated();
    actAs(org.tech.viewer);
    expect(await changeStatusAction({ taskId: id, status: "done", note: "  Wymieniono obie grzałki.\r\nProtokół u klienta.  " })).toMatchObject({
      ok: true,
      data: { status: "done" },
    });
    const finished = (await historyOf(db, id)).filter((h) => h.kind === "status");
    expect(finished.map((h) => [h.newValue, h.comment])).toEqual([["done", "Wymieniono obie grzałki.\nProtokół u klienta."]]);
    const completed = (await noticesOf(db, id)).find((n) => n.kind === "task.completed")!;
    expect(completed.recipientId).toBe(org.lead.id);
    expect(completed.payload).toMatchObject({ comment: "Wymieniono obie grzałki.\nProtokół u klienta." });
    expect(completed.body).toContain("Notatka o wyniku: Wymieniono obie grzałki."); // the lead reads Polish
  });

  it("goes with a submission for acceptance, and the acceptance step is a separate decision", async () => {
    const { db, org, id } = await delegated(true);
    actAs(org.tech.viewer);
    expect(await changeStatusAction({ taskId: id, status: "done", note: "Gotowe do odbioru" })).toMatchObject({
      ok: true,
      data: { status: "awaiting_acceptance" },
    });
    expect((await historyOf(db, id)).filter((h) => h.kind === "status").map((h) => [h.newValue, h.comment])).toEqual([
      ["awaiting_acceptance", "Gotowe do odbioru"],
    ]);
    const waiting = (await noticesOf(db, id)).find((n) => n.kind === "task.awaitingAcceptance")!;
    expect([waiting.recipientId, waiting.body]).toEqual([org.lead.id, expect.stringContaining("Notatka o wyniku: Gotowe do odbioru")]);
  });

  it("is refused with a field error, writing nothing, when it holds control characters, is too long or comes with another status", async () => {
    const { db, org, id } = await delegated();
    const before = await footprint(db, id);
    actAs(org.tech.viewer);
    for (const [input, message] of [
      [
        { status: "done", note: "zły\u0000znak" },
        "The text contains control or invisible characters (such as a line break or a text-direction mark); remove them and try again.",
      ],
      [{ status: "done", note: "x".repeat(1001) }, undefined],
      [{ status: "in_progress", note: "Zaczynam" }, "A result note goes with marking the task done."],
    ] as const) {
      const r = await changeStatusAction({ taskId: id, ...input });
      expect(r, JSON.stringify(input).slice(0, 60)).toMatchObject({ ok: false, code: "invalid", fieldErrors: { note: [expect.any(String)] } });
      if (message && !r.ok) expect(r.fieldErrors?.note).toEqual([message]);
    }
    expect(await footprint(db, id)).toEqual(before);
  });
});

describe("acceptance", () => {
  it("waits for the delegator, who returns it with a comment and later accepts it", async () => {
    const { db, org, id } = await delegated(true);
    actAs(org.tech.viewer);
    expect(await changeStatusAction({ taskId: id, status: "done" })).toMatchObject({ ok: true, data: { status: "awaiting_acceptance" } });
    let [row] = await db.select().from(tasks).where(eq(tasks.id, id));
    expect(row!.completedAt).toBeNull();
    // While waiting the assignee cannot move it any further.
    expect(await setProgressAction({ taskId: id, progress: 90 })).toMatchObject({
      ok: false,
      code: "conflict",
      error: "The task is waiting for the delegator's acceptance.",
    });

    actAs(org.lead.viewer);
    expect(await returnTaskAction({ taskId: id, comment: "" })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { comment: ["Write a comment."] } });
    expect(await returnTaskAction({ taskId: id, comment: "Brak protokołu z przeglądu" })).toMatchObject({ ok: true, data: { status: "in_progress" } });

    actAs(org.tech.viewer);
    expect(await changeStatusAction({ taskId: id, status: "done" })).toMatchObject({ ok: true, data: { status: "awaiting_acceptance" } });
    actAs(org.lead.viewer);
    expect(await acceptTaskAction({ taskId: id })).toMatchObject({ ok: true, data: { status: "done" } });
    [row] = await db.select().from(tasks).where(eq(tasks.id, id));
    expect(row!.completedAt).toBeInstanceOf(Date);

    const notices = await noticesOf(db, id);
    const kinds = notices.map((n) => `${n.kind}→${n.recipientId === org.tech.id ? "tech" : n.recipientId === org.lead.id ? "lead" : "?"}`);
    expect(kinds.sort()).toEqual([
      "task.accepted→tech",
      "task.assigned→tech",
      "task.awaitingAcceptance→lead",
      "task.awaitingAcceptance→lead",
      "task.returned→tech",
    ]);
    const returned = notices.find((n) => n.kind === "task.returned")!;
    expect(returned.body).toContain("Comment: Brak protokołu z przeglądu"); // tech reads English
    const history = await historyOf(db, id);
    expect(history.filter((h) => h.kind === "returned")).toMatchObject([
      { comment: "Brak protokołu z przeglądu", oldValue: "awaiting_acceptance", newValue: "in_progress", actorId: org.lead.id },
    ]);
    expect(history.filter((h) => h.kind === "accepted")).toMatchObject([{ oldValue: "awaiting_acceptance", newValue: "done", actorId: org.lead.id }]);
  });

  it("lets only the delegator accept or return, and writes nothing for anyone else", async () => {
    const { db, org, id } = await delegated(true);
    actAs(org.tech.viewer);
    await changeStatusAction({ taskId: id, status: "done" });
    const before = await footprint(db, id);
    for (const who of [org.tech, org.manager, org.admin, org.stranger]) {
      actAs(who.viewer);
      expect(await acceptTaskAction({ taskId: id }), who.name).toMatchObject({ ok: false, code: "forbidden" });
      expect(await returnTaskAction({ taskId: id, comment: "nie" }), who.name).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await footprint(db, id)).toEqual(before);
  });

  it("refuses to accept a task that is not waiting for it", async () => {
    const { db, org, id } = await delegated(true);
    const before = await footprint(db, id);
    actAs(org.lead.viewer);
    expect(await acceptTaskAction({ taskId: id })).toMatchObject({ ok: false, code: "conflict", error: "This task is not waiting for acceptance." });
    expect(await footprint(db, id)).toEqual(before);
  });
});

describe("cancel, reopen and comments", () => {
  it("lets the delegator cancel and reopen, telling the assignee", async () => {
    const { db, org, id } = await delegated();
    actAs(org.lead.viewer);
    expect(await cancelTaskAction({ taskId: id, comment: "Klient zrezygnował" })).toMatchObject({ ok: true, data: { status: "cancelled" } });
    expect(await reopenTaskAction({ taskId: id })).toMatchObject({ ok: true, data: { status: "open" } });
    const kinds = (await noticesOf(db, id)).map((n) => n.kind).sort();
    expect(kinds).toEqual(["task.assigned", "task.cancelled", "task.reopened"]);
    expect((await historyOf(db, id)).filter((h) => h.kind === "status").map((h) => [h.oldValue, h.newValue, h.comment])).toEqual([
      ["open", "cancelled", "Klient zrezygnował"],
      ["cancelled", "open", null],
    ]);
  });

  it("refuses cancel and reopen from the assignee and strangers, writing nothing", async () => {
    const { db, org, id } = await delegated();
    const before = await footprint(db, id);
    for (const who of [org.tech, org.manager, org.stranger]) {
      actAs(who.viewer);
      expect(await cancelTaskAction({ taskId: id }), who.name).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await footprint(db, id)).toEqual(before);
    actAs(org.lead.viewer);
    await cancelTaskAction({ taskId: id });
    const closed = await footprint(db, id);
    for (const who of [org.tech, org.manager, org.stranger]) {
      actAs(who.viewer);
      expect(await reopenTaskAction({ taskId: id }), who.name).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await footprint(db, id)).toEqual(closed);
  });

  it("takes comments from anyone who may see the task, without a version bump", async () => {
    const { db, org, id } = await delegated();
    for (const who of [org.tech, org.lead, org.manager]) {
      actAs(who.viewer);
      expect(await commentOnTaskAction({ taskId: id, comment: `Uwaga od ${who.name}` })).toMatchObject({ ok: true });
    }
    const [row] = await db.select().from(tasks).where(eq(tasks.id, id));
    expect(row!.version).toBe(1);
    expect((await historyOf(db, id)).filter((h) => h.kind === "comment").map((h) => h.comment)).toEqual([
      "Uwaga od Serwisant",
      "Uwaga od Brygadzista",
      "Uwaga od Kierownik",
    ]);
  });

  it("refuses a stranger's comment and an empty one, writing nothing", async () => {
    const { db, org, id } = await delegated();
    const before = await footprint(db, id);
    actAs(org.stranger.viewer);
    expect(await commentOnTaskAction({ taskId: id, comment: "Hej" })).toMatchObject({ ok: false, code: "forbidden" });
    actAs(org.tech.viewer);
    expect(await commentOnTaskAction({ taskId: id, comment: "   " })).toMatchObject({ ok: false, code: "invalid" });
    expect(await footprint(db, id)).toEqual(before);
  });
});
