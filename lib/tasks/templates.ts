import { and, asc, eq, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { departments, taskTemplates, users } from "@/db/schema";
import { Forbidden, NotFound } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import type { Work } from "@/lib/effects/unit";
import type { Channel, Priority } from "@/lib/org/vocabulary";
import { escalationSettings } from "@/lib/reminders/settings";
import { dueInWorkingDays } from "./template-due";
import type { TemplateFields, TemplateRefInput, UpdateTemplateInput } from "./template-schema";

/**
 * Task templates. A person keeps their own; a manager (or an admin) keeps their department's,
 * which every member of it uses to start tasks but cannot change. Anyone else's personal template,
 * or another department's, does not exist for the viewer.
 */

export interface TaskTemplate {
  id: string;
  title: string;
  description: string | null;
  priority: Priority;
  checklist: string[];
  dueInWorkingDays: number | null;
  reminders: { offsetMinutes: number; channel: Channel | null }[];
  owner: { id: string; name: string };
  department: { id: string; name: string } | null;
  /** Whether the viewer may change or delete it. */
  canManage: boolean;
}

/** A department's templates are its managers' (and the admins') to keep; a personal one its owner's alone. */
export function canManageTemplate(viewer: Viewer, template: { ownerId: string; departmentId: string | null }): boolean {
  if (!template.departmentId) return template.ownerId === viewer.id;
  if (viewer.role === "admin") return true;
  return viewer.role === "manager" && viewer.departmentId === template.departmentId;
}

/** Whether the viewer may keep a template for their department at all. */
export function canKeepDepartmentTemplates(viewer: Viewer): boolean {
  return !!viewer.departmentId && (viewer.role === "admin" || viewer.role === "manager");
}

function visibleTo(viewer: Viewer) {
  const personal = and(eq(taskTemplates.ownerId, viewer.id), sql`${taskTemplates.departmentId} IS NULL`);
  return viewer.departmentId ? or(personal, eq(taskTemplates.departmentId, viewer.departmentId))! : personal!;
}

function templatesSelect(db: DbOrTx) {
  return db
    .select({
      id: taskTemplates.id,
      ownerId: taskTemplates.ownerId,
      ownerName: users.name,
      departmentId: taskTemplates.departmentId,
      departmentName: departments.name,
      title: taskTemplates.title,
      description: taskTemplates.description,
      priority: taskTemplates.priority,
      checklist: taskTemplates.checklist,
      dueInWorkingDays: taskTemplates.dueInWorkingDays,
      reminders: taskTemplates.reminders,
    })
    .from(taskTemplates)
    .innerJoin(users, eq(users.id, taskTemplates.ownerId))
    .leftJoin(departments, eq(departments.id, taskTemplates.departmentId));
}

type TemplateRow = Awaited<ReturnType<ReturnType<typeof templatesSelect>["execute"]>>[number];

function templateOf(viewer: Viewer, r: TemplateRow): TaskTemplate {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    priority: r.priority,
    checklist: r.checklist,
    dueInWorkingDays: r.dueInWorkingDays,
    reminders: r.reminders,
    owner: { id: r.ownerId, name: r.ownerName },
    department: r.departmentId && r.departmentName ? { id: r.departmentId, name: r.departmentName } : null,
    canManage: canManageTemplate(viewer, r),
  };
}

/** The templates the viewer may start a task from: their own and their department's, by title. */
export async function templatesOf(db: DbOrTx, viewer: Viewer): Promise<TaskTemplate[]> {
  const rows = await templatesSelect(db)
    .where(visibleTo(viewer))
    .orderBy(asc(sql`lower(${taskTemplates.title})`), asc(taskTemplates.id));
  return rows.map((r) => templateOf(viewer, r));
}

/** One template the viewer may use; anyone else's is "not found". */
export async function templateFor(db: DbOrTx, viewer: Viewer, templateId: string): Promise<TaskTemplate> {
  const [row] = await templatesSelect(db).where(and(eq(taskTemplates.id, templateId), visibleTo(viewer)));
  if (!row) throw new NotFound("tasks.templateErrors.notFound");
  return templateOf(viewer, row);
}

/** The template locked for a change: refused as read-only to a department's member, unknown to anyone else. */
async function templateToManage(tx: DbOrTx, viewer: Viewer, templateId: string) {
  const [row] = await tx.select().from(taskTemplates).where(eq(taskTemplates.id, templateId)).for("update");
  const visible = row && (row.departmentId ? row.departmentId === viewer.departmentId || viewer.role === "admin" : row.ownerId === viewer.id);
  if (!row || !visible) throw new NotFound("tasks.templateErrors.notFound");
  if (!canManageTemplate(viewer, row)) throw new Forbidden("tasks.templateErrors.cannotManage");
  return row;
}

function departmentFor(viewer: Viewer, fields: TemplateFields): string | null {
  if (!fields.forDepartment) return null;
  if (!canKeepDepartmentTemplates(viewer)) throw new Forbidden("tasks.templateErrors.cannotShare");
  return viewer.departmentId;
}

function columnsOf(fields: TemplateFields) {
  return {
    title: fields.title,
    description: fields.description,
    priority: fields.priority,
    checklist: fields.checklist,
    dueInWorkingDays: fields.dueInWorkingDays,
    reminders: fields.reminders,
  };
}

export async function createTemplate(work: Work, input: TemplateFields): Promise<{ id: string }> {
  const { tx, viewer, now } = work;
  const departmentId = departmentFor(viewer, input);
  const [row] = await tx
    .insert(taskTemplates)
    .values({ ...columnsOf(input), ownerId: viewer.id, departmentId, createdAt: now, updatedAt: now })
    .returning({ id: taskTemplates.id });
  return { id: row!.id };
}

export async function updateTemplate(work: Work, input: UpdateTemplateInput): Promise<{ id: string }> {
  const { tx, viewer, now } = work;
  const template = await templateToManage(tx, viewer, input.templateId);
  // A personal template may become the department's (by whoever may keep those); only its owner takes one back as personal.
  let departmentId = template.departmentId;
  if (input.forDepartment && !departmentId) departmentId = departmentFor(viewer, input);
  if (!input.forDepartment && departmentId) {
    if (template.ownerId !== viewer.id) throw new Forbidden("tasks.templateErrors.cannotManage");
    departmentId = null;
  }
  await tx
    .update(taskTemplates)
    .set({ ...columnsOf(input), departmentId, updatedAt: now })
    .where(eq(taskTemplates.id, template.id));
  return { id: template.id };
}

export async function deleteTemplate(work: Work, input: TemplateRefInput): Promise<{ id: string }> {
  const template = await templateToManage(work.tx, work.viewer, input.templateId);
  await work.tx.delete(taskTemplates).where(eq(taskTemplates.id, template.id));
  return { id: template.id };
}

/** What the new-task form starts with from a template: its texts and checklist, the due date and reminders worked out for now. */
export interface TemplateDraft {
  templateId: string;
  title: string;
  description: string;
  priority: Priority;
  /** datetime-local in the viewer's zone, "" for none. */
  dueAt: string;
  reminders: { offsetMinutes: number; channel: Channel | null }[];
  checklist: string[];
}

/**
 * A task drafted from a template at `now`: due at the end of the Nth working day of the
 * organisation's week (its weekdays, days off and closing hour), counted in the viewer's own zone.
 */
export async function templateDraft(db: DbOrTx, viewer: Viewer, templateId: string, now: Date): Promise<TemplateDraft> {
  const template = await templateFor(db, viewer, templateId);
  const { schedule } = await escalationSettings(db);
  return {
    templateId: template.id,
    title: template.title,
    description: template.description ?? "",
    priority: template.priority,
    dueAt: template.dueInWorkingDays === null ? "" : dueInWorkingDays(now, template.dueInWorkingDays, schedule, viewer.timeZone),
    reminders: template.reminders,
    checklist: template.checklist,
  };
}
