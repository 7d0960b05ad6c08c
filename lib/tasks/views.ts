import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { departments, taskSavedViews, users } from "@/db/schema";
import { Conflict, Forbidden, Invalid, NotFound } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import type { Work } from "@/lib/effects/unit";
import { isUniqueViolation } from "@/lib/org/unique-violation";
import { listQuery, parseListParams, type SearchParams } from "./list-params";
import type { TaskListView } from "./lists";
import type { RenameViewInput, SaveViewInput, ShareViewInput, ViewRefInput } from "./view-schema";

/**
 * Saved views of the task lists: a person's named filters and sort, and the views a manager
 * shared with a department, which its members see read-only. Another person's view is never
 * shown nor changed unless it is shared with the viewer's department; only its owner changes it.
 */

export interface SavedView {
  id: string;
  list: TaskListView;
  name: string;
  /** The list's query string ("?priority=high&sort=title" or ""), normalized again on every read. */
  query: string;
  owner: { id: string; name: string };
  sharedWith: { id: string; name: string } | null;
}

export interface ListViews {
  own: SavedView[];
  /** Shared with the viewer's department by someone else: opened, never changed. */
  shared: SavedView[];
}

/**
 * The query string a list means by `raw`, with the page left out: a view opens on its first
 * page. Whatever the list ignores or falls back from (a hand-edited value) is ignored here too.
 */
export function normalizedQuery(raw: string): string {
  const search: SearchParams = {};
  for (const [key, value] of new URLSearchParams(raw.startsWith("?") ? raw.slice(1) : raw)) search[key] ??= value;
  return listQuery(parseListParams(search), { page: 1 });
}

/** A department the viewer may share views with: an admin any, a manager their own. */
export function canShareWith(viewer: Viewer, departmentId: string): boolean {
  if (viewer.role === "admin") return true;
  return viewer.role === "manager" && viewer.departmentId === departmentId;
}

const owner = users;

function viewsSelect(db: DbOrTx) {
  return db
    .select({
      id: taskSavedViews.id,
      list: taskSavedViews.list,
      name: taskSavedViews.name,
      query: taskSavedViews.query,
      ownerId: taskSavedViews.ownerId,
      ownerName: owner.name,
      sharedDepartmentId: taskSavedViews.sharedDepartmentId,
      sharedDepartmentName: departments.name,
    })
    .from(taskSavedViews)
    .innerJoin(owner, eq(owner.id, taskSavedViews.ownerId))
    .leftJoin(departments, eq(departments.id, taskSavedViews.sharedDepartmentId));
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof viewsSelect>["execute"]>>[number];

function savedViewOf(r: ViewRow): SavedView {
  return {
    id: r.id,
    list: r.list,
    name: r.name,
    query: normalizedQuery(r.query),
    owner: { id: r.ownerId, name: r.ownerName },
    sharedWith: r.sharedDepartmentId && r.sharedDepartmentName ? { id: r.sharedDepartmentId, name: r.sharedDepartmentName } : null,
  };
}

const byName = sql`lower(${taskSavedViews.name})`;

/** The viewer's own views of one list and those shared with their department: one query. */
export async function viewsOfList(db: DbOrTx, viewer: Viewer, list: TaskListView): Promise<ListViews> {
  const mine = eq(taskSavedViews.ownerId, viewer.id);
  const visible = viewer.departmentId ? sql`(${mine} OR (${taskSavedViews.sharedDepartmentId} = ${viewer.departmentId} AND ${owner.active}))` : mine;
  const rows = await viewsSelect(db)
    .where(and(eq(taskSavedViews.list, list), visible))
    .orderBy(asc(byName), asc(taskSavedViews.id));
  const views = rows.map(savedViewOf);
  return { own: views.filter((v) => v.owner.id === viewer.id), shared: views.filter((v) => v.owner.id !== viewer.id) };
}

/** The departments the viewer may share a view with, by name. */
export async function departmentsToShareWith(db: DbOrTx, viewer: Viewer): Promise<{ id: string; name: string }[]> {
  if (viewer.role === "admin") return db.select({ id: departments.id, name: departments.name }).from(departments).orderBy(asc(departments.name));
  if (viewer.role !== "manager" || !viewer.departmentId) return [];
  return db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.id, viewer.departmentId));
}

/**
 * The viewer's own view, locked for a change. A view shared with them is refused as read-only;
 * anyone else's is "not found", as if it did not exist.
 */
async function ownView(tx: DbOrTx, viewer: Viewer, viewId: string) {
  const [row] = await tx.select().from(taskSavedViews).where(eq(taskSavedViews.id, viewId)).for("update");
  if (row && row.ownerId === viewer.id) return row;
  if (row && row.sharedDepartmentId && row.sharedDepartmentId === viewer.departmentId) throw new Forbidden("tasks.views.errors.onlyOwner");
  throw new NotFound("tasks.views.errors.notFound");
}

function nameTaken(error: unknown): boolean {
  return isUniqueViolation(error, "task_saved_views_owner_name_key");
}

export async function saveView(work: Work, input: SaveViewInput): Promise<SavedView> {
  const { tx, viewer, now } = work;
  const [row] = await tx
    .insert(taskSavedViews)
    .values({ ownerId: viewer.id, list: input.list, name: input.name, query: normalizedQuery(input.query), createdAt: now, updatedAt: now })
    .returning()
    .catch((error: unknown) => {
      if (nameTaken(error)) throw new Conflict("tasks.views.errors.nameTaken", { name: ["tasks.views.errors.nameTaken"] });
      throw error;
    });
  return savedViewOf({ ...row!, ownerName: viewer.name, sharedDepartmentName: null });
}

export async function renameView(work: Work, input: RenameViewInput): Promise<{ id: string; name: string }> {
  const { tx, viewer, now } = work;
  const view = await ownView(tx, viewer, input.viewId);
  if (view.name === input.name) return { id: view.id, name: view.name };
  await tx
    .update(taskSavedViews)
    .set({ name: input.name, updatedAt: now })
    .where(eq(taskSavedViews.id, view.id))
    .catch((error: unknown) => {
      if (nameTaken(error)) throw new Conflict("tasks.views.errors.nameTaken", { name: ["tasks.views.errors.nameTaken"] });
      throw error;
    });
  return { id: view.id, name: input.name };
}

export async function deleteView(work: Work, input: ViewRefInput): Promise<{ id: string }> {
  const { tx, viewer } = work;
  const view = await ownView(tx, viewer, input.viewId);
  await tx.delete(taskSavedViews).where(eq(taskSavedViews.id, view.id));
  return { id: view.id };
}

/** Shares the owner's view with a department they manage (or stops sharing it: no department). */
export async function shareView(work: Work, input: ShareViewInput): Promise<{ id: string; departmentId: string | null }> {
  const { tx, viewer, now } = work;
  const view = await ownView(tx, viewer, input.viewId);
  if (input.departmentId) {
    const [department] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, input.departmentId));
    if (!department) throw new Invalid("tasks.views.errors.departmentUnknown", { departmentId: ["tasks.views.errors.departmentUnknown"] });
    if (!canShareWith(viewer, department.id)) throw new Forbidden("tasks.views.errors.cannotShare");
  }
  await tx.update(taskSavedViews).set({ sharedDepartmentId: input.departmentId, updatedAt: now }).where(eq(taskSavedViews.id, view.id));
  return { id: view.id, departmentId: input.departmentId };
}
