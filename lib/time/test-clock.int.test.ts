import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cases, notifications, taskActivity, tasks } from "@/db/schema";
import { createCaseAction } from "@/lib/crm/actions";
import { markNotificationReadAction } from "@/lib/notify/actions";
import { changeStatusAction, createTaskAction } from "@/lib/tasks/actions";
import { TaskListPage } from "@/components/tasks/task-list-page";
import type { TaskListRow } from "@/lib/tasks/lists";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeClient } from "@/lib/testing/factories";
import { makeTaskOrg } from "@/lib/testing/task-org";
import { instantToWallClock } from "./wall-clock";

const DAY = 86_400_000;
const OFFSET = 9 * DAY;
const file = path.join(mkdtempSync(path.join(tmpdir(), "test-clock-")), "offset");

/** The rows the delegated list page hands its table, found in the element tree the server component returns. */
async function delegatedPageRows(db: Awaited<ReturnType<typeof testDb>>, viewer: Parameters<typeof TaskListPage>[0]["viewer"], due: string) {
  const tree = await TaskListPage({ db, viewer, view: "delegated", searchParams: { due } });
  const found: TaskListRow[][] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object" || !("props" in node)) return;
    const props = (node as { props: { rows?: TaskListRow[]; children?: unknown } }).props;
    if (Array.isArray(props.rows)) found.push(props.rows);
    walk(props.children);
  };
  walk(tree);
  return found[0] ?? [];
}

/** Within a few seconds of the moved clock, far from the system clock (nine days off). */
function atTheClock(instant: Date | null | undefined) {
  expect(instant).toBeInstanceOf(Date);
  expect(Math.abs(instant!.getTime() - (Date.now() + OFFSET))).toBeLessThan(10_000);
}

beforeEach(() => {
  writeFileSync(file, String(OFFSET));
  vi.stubEnv("BATON_TEST_CLOCK_FILE", file);
});
afterEach(() => vi.unstubAllEnvs());

describe("moving the test clock", () => {
  it("moves the times commands write: a task's created, updated and last activity, its history, its notices and their read mark", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    actAs(org.lead.viewer);
    const created = await createTaskAction({ title: "Przegląd kotła", assigneeId: org.tech.id });
    if (!created.ok) throw new Error(created.error);
    const [task] = await db.select().from(tasks).where(eq(tasks.id, created.data.id));
    atTheClock(task!.createdAt);
    atTheClock(task!.updatedAt);
    atTheClock(task!.lastActivityAt);
    const [history] = await db.select().from(taskActivity).where(eq(taskActivity.taskId, task!.id));
    atTheClock(history!.createdAt);
    const [notice] = await db.select().from(notifications).where(eq(notifications.recipientId, org.tech.id));
    atTheClock(notice!.createdAt);

    actAs(org.tech.viewer);
    expect(await changeStatusAction({ taskId: task!.id, status: "in_progress" })).toMatchObject({ ok: true });
    const [started] = await db.select().from(tasks).where(eq(tasks.id, task!.id));
    atTheClock(started!.updatedAt);
    expect(await markNotificationReadAction({ id: notice!.id })).toMatchObject({ ok: true });
    const [read] = await db.select().from(notifications).where(eq(notifications.id, notice!.id));
    atTheClock(read!.readAt);
  });

  it("moves a case's created and updated times", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const client = await makeClient(db);
    actAs(org.lead.viewer);
    const created = await createCaseAction({ kind: "service_request", title: "Awaria pieca", clientId: client.id, ownerId: org.tech.id });
    if (!created.ok) throw new Error(created.error);
    const [row] = await db.select().from(cases).where(eq(cases.id, created.data.id));
    atTheClock(row!.createdAt);
    atTheClock(row!.updatedAt);
  });

  it("moves the list page's overdue filter: a task due in two days is overdue at the clock's now", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    actAs(org.lead.viewer);
    const due = instantToWallClock(new Date(Date.now() + 2 * DAY), org.lead.timeZone);
    const created = await createTaskAction({ title: "Wymiana filtra", assigneeId: org.tech.id, dueAt: due });
    if (!created.ok) throw new Error(created.error);
    const overdue = await delegatedPageRows(db, org.lead.viewer, "overdue");
    expect(overdue.map((r) => r.id)).toEqual([created.data.id]);
    expect(overdue[0]!.overdue).toBe(true);
    writeFileSync(file, "0");
    expect(await delegatedPageRows(db, org.lead.viewer, "overdue")).toEqual([]);
  });
});
