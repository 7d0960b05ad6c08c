import { asc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { taskChecklistItems, taskReminders, taskTemplates, tasks } from "@/db/schema";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeDepartment, makeUser } from "@/lib/testing/factories";
import { createTaskAction } from "./actions";
import { createTaskTemplateAction, deleteTaskTemplateAction, updateTaskTemplateAction } from "./template-actions";
import { templateDraft, templatesOf } from "./templates";

/** A service department (its manager, a technician working from New York), a sales one (its manager), a stranger, an admin. */
async function org() {
  const db = await testDb();
  const service = await makeDepartment(db);
  const sales = await makeDepartment(db);
  const manager = await makeUser(db, { role: "manager", departmentId: service.id, name: "Kierownik serwisu", timeZone: "Europe/Warsaw" });
  const tech = await makeUser(db, { role: "member", departmentId: service.id, name: "Serwisant", timeZone: "America/New_York" });
  const salesManager = await makeUser(db, { role: "manager", departmentId: sales.id, name: "Kierownik sprzedaży" });
  const stranger = await makeUser(db, { role: "member", name: "Obcy" });
  const admin = await makeUser(db, { role: "admin", name: "Admin", departmentId: sales.id });
  const people = [manager, tech, salesManager, stranger, admin].map((p) => p.id);
  return { db, people, service, sales, manager, tech, salesManager, stranger, admin };
}

const service = {
  title: "Przegląd okresowy",
  description: "Coroczny przegląd urządzenia u klienta.",
  priority: "high" as const,
  checklist: ["Sprawdzić szczelność", "Wymienić filtr", "Protokół podpisany przez klienta"],
  dueInWorkingDays: 1,
  reminders: [{ offsetMinutes: 60, channel: null }],
  forDepartment: false,
};

async function created(input: Parameters<typeof createTaskTemplateAction>[0]) {
  const result = await createTaskTemplateAction(input);
  if (!result.ok) throw new Error(result.error);
  return result.data.id;
}

async function rows(db: Db, people: string[]) {
  return db.select().from(taskTemplates).where(inArray(taskTemplates.ownerId, people)).orderBy(asc(taskTemplates.title), asc(taskTemplates.id));
}

describe("task templates", () => {
  it("are created, changed and deleted by their owner; bad input is refused and keeps nothing", async () => {
    const { db, people, tech } = await org();
    actAs(tech.viewer);
    const id = await created(service);
    expect((await rows(db, people)).map((r) => [r.title, r.priority, r.checklist, r.dueInWorkingDays, r.reminders, r.departmentId])).toEqual([
      ["Przegląd okresowy", "high", service.checklist, 1, [{ offsetMinutes: 60, channel: null }], null],
    ]);

    expect(await createTaskTemplateAction({ ...service, title: " " })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { title: ["This field is required."] },
    });
    expect(await createTaskTemplateAction({ ...service, dueInWorkingDays: -1 })).toMatchObject({ ok: false, code: "invalid" });
    expect(await createTaskTemplateAction({ ...service, checklist: Array.from({ length: 51 }, (_, i) => `Punkt ${i}`) })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    // A lead time counts back from a due date the template does not set.
    expect(await createTaskTemplateAction({ ...service, dueInWorkingDays: null })).toMatchObject({ ok: false, code: "invalid" });
    expect(await createTaskTemplateAction({ ...service, checklist: ["ok", "  "] })).toMatchObject({ ok: false, code: "invalid" });

    expect(await updateTaskTemplateAction({ ...service, templateId: id, title: "Przegląd roczny", checklist: ["Jedno"], dueInWorkingDays: "3" })).toMatchObject(
      {
        ok: true,
      },
    );
    expect((await rows(db, people)).map((r) => [r.title, r.checklist, r.dueInWorkingDays])).toEqual([["Przegląd roczny", ["Jedno"], 3]]);

    expect(await deleteTaskTemplateAction({ templateId: id })).toMatchObject({ ok: true });
    expect(await rows(db, people)).toEqual([]);
  });

  it("refuses a stranger every action on someone's template, and a member changing the department's", async () => {
    const { db, people, manager, tech, salesManager, stranger } = await org();
    actAs(tech.viewer);
    const personal = await created(service);
    actAs(manager.viewer);
    const departmental = await created({ ...service, title: "Montaż", forDepartment: true });

    for (const who of [stranger, salesManager]) {
      actAs(who.viewer);
      expect(await updateTaskTemplateAction({ ...service, templateId: personal, title: "Cudzy" })).toMatchObject({ ok: false, code: "not_found" });
      expect(await deleteTaskTemplateAction({ templateId: personal })).toMatchObject({ ok: false, code: "not_found" });
      expect(await updateTaskTemplateAction({ ...service, templateId: departmental, title: "Cudzy" })).toMatchObject({ ok: false, code: "not_found" });
      expect(await deleteTaskTemplateAction({ templateId: departmental })).toMatchObject({ ok: false, code: "not_found" });
      expect((await templatesOf(db, who.viewer)).map((t) => t.id)).toEqual([]);
      await expect(templateDraft(db, who.viewer, personal, new Date())).rejects.toMatchObject({ code: "not_found", message: "tasks.templateErrors.notFound" });
    }
    // The technician uses the department's template but does not keep it, nor makes one for the department.
    actAs(tech.viewer);
    expect((await templatesOf(db, tech.viewer)).map((t) => [t.title, t.canManage])).toEqual([
      ["Montaż", false],
      ["Przegląd okresowy", true],
    ]);
    expect(await updateTaskTemplateAction({ ...service, templateId: departmental, forDepartment: true, title: "Mój" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await deleteTaskTemplateAction({ templateId: departmental })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await createTaskTemplateAction({ ...service, forDepartment: true })).toMatchObject({ ok: false, code: "forbidden" });
    actAs(null);
    expect(await createTaskTemplateAction(service)).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await deleteTaskTemplateAction({ templateId: personal })).toMatchObject({ ok: false, code: "unauthenticated" });

    expect((await rows(db, people)).map((r) => [r.title, r.departmentId !== null])).toEqual([
      ["Montaż", true],
      ["Przegląd okresowy", false],
    ]);
  });

  it("drafts a task due in N working days in each person's own zone, and the task keeps the template's checklist and reminders", async () => {
    const { db, manager, tech } = await org();
    actAs(manager.viewer);
    const id = await created({ ...service, forDepartment: true });
    // 23:30 UTC on Thursday 2 April 2026: already Friday 01:30 in Warsaw (the next working day is
    // Tuesday 7 April: Easter Monday is off), still Thursday 19:30 in New York (next: Friday 3 April).
    const at = new Date("2026-04-02T23:30:00Z");
    const warsaw = await templateDraft(db, manager.viewer, id, at);
    const newYork = await templateDraft(db, tech.viewer, id, at);
    expect(warsaw).toMatchObject({ title: "Przegląd okresowy", priority: "high", dueAt: "2026-04-07T16:00", checklist: service.checklist });
    expect(newYork.dueAt).toBe("2026-04-03T16:00");
    // Late March: the Nth working day falls after the clocks go forward in Warsaw, still at 16:00 local.
    expect((await templateDraft(db, manager.viewer, id, new Date("2026-03-27T12:00:00Z"))).dueAt).toBe("2026-03-30T16:00");

    actAs(tech.viewer);
    const made = await createTaskAction({
      title: newYork.title,
      description: newYork.description,
      priority: newYork.priority,
      dueAt: newYork.dueAt,
      assigneeId: tech.id,
      reminders: newYork.reminders.map((r) => ({ type: "before" as const, offsetMinutes: r.offsetMinutes, channel: r.channel })),
      checklist: newYork.checklist,
    });
    if (!made.ok) throw new Error(made.error);
    const [task] = await db.select().from(tasks).where(eq(tasks.id, made.data.id));
    expect(task!.dueAt!.toISOString()).toBe("2026-04-03T20:00:00.000Z");
    expect(task!.priority).toBe("high");
    const items = await db.select().from(taskChecklistItems).where(eq(taskChecklistItems.taskId, made.data.id)).orderBy(asc(taskChecklistItems.position));
    expect(items.map((i) => [i.position, i.text, i.done])).toEqual(service.checklist.map((text, i) => [i, text, false]));
    const reminders = await db.select().from(taskReminders).where(eq(taskReminders.taskId, made.data.id));
    expect(reminders.map((r) => r.offsetMinutes)).toEqual([60]);

    // A checklist over the limit is refused whole: no task.
    const before = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.createdById, tech.id));
    expect(await createTaskAction({ title: "Za dużo", checklist: Array.from({ length: 51 }, (_, i) => `P${i}`) })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.createdById, tech.id))).toEqual(before);
  });
});
