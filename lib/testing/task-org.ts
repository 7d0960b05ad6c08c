import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { notifications, taskActivity, taskReminders, tasks } from "@/db/schema";
import { makeUser } from "@/lib/testing/factories";

/**
 * A small organisation for task tests (integration tests only):
 *   boss → manager → lead → tech, and an admin and a stranger outside the chain.
 * `manager` is two levels above `tech`.
 */
export async function makeTaskOrg(db: Db) {
  const boss = await makeUser(db, { role: "manager", name: "Szef" });
  const manager = await makeUser(db, { role: "manager", supervisorId: boss.id, name: "Kierownik" });
  const lead = await makeUser(db, { role: "manager", supervisorId: manager.id, name: "Brygadzista" });
  const tech = await makeUser(db, { role: "member", supervisorId: lead.id, name: "Serwisant", locale: "en", timeZone: "Europe/Berlin" });
  const tech2 = await makeUser(db, { role: "member", supervisorId: lead.id, name: "Serwisant Drugi" });
  const admin = await makeUser(db, { role: "admin", name: "Admin" });
  const stranger = await makeUser(db, { role: "member", name: "Obcy" });
  return { boss, manager, lead, tech, tech2, admin, stranger };
}

/** Everything a task command can write about one task, to compare before and after a refused call. */
export async function footprint(db: Db, taskId: string) {
  const [task] = await db.select().from(tasks).where(eq(tasks.id, taskId));
  const [activity] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(taskActivity)
    .where(eq(taskActivity.taskId, taskId));
  const [reminders] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(taskReminders)
    .where(eq(taskReminders.taskId, taskId));
  const [notices] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(eq(notifications.link, `/tasks/${taskId}`));
  return { task, activity: activity!.n, reminders: reminders!.n, notices: notices!.n };
}

export async function noticesOf(db: Db, taskId: string) {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.link, `/tasks/${taskId}`))
    .orderBy(notifications.createdAt, notifications.kind);
}

export async function historyOf(db: Db, taskId: string) {
  return db.select().from(taskActivity).where(eq(taskActivity.taskId, taskId)).orderBy(taskActivity.id);
}

/** Counts of rows a refused create must not leave anywhere. */
export async function globalFootprint(db: Db, createdById: string) {
  const [own] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tasks)
    .where(eq(tasks.createdById, createdById));
  const [sent] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(eq(notifications.actorId, createdById));
  return { tasks: own!.n, notices: sent!.n };
}

/** A new task's input with nothing chosen: tests spread it and set what they need. */
export const TASK_INPUT = {
  title: "Przegląd zmywarki",
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
