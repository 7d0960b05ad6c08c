import { eq, or, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { tasks } from "@/db/schema";
import { Forbidden, NotFound } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import { isUnder } from "./chain";
import { SEEING_RELATIONS, type TaskRelation } from "./policy";

export type TaskRow = typeof tasks.$inferSelect;

type RelationFacts = Record<keyof TaskRelation, SQL>;

/**
 * Each way a viewer can stand to a task row, as SQL. Lists, the single read and the list scopes
 * (mine, delegated, team) are all built from these, so "who may see a task" cannot drift
 * between a list and the page it links to. `viewerId` may be a placeholder for prepared lists.
 */
export function relationFacts(viewer: Pick<Viewer, "role"> & { id: string | Placeholder }): RelationFacts {
  return {
    isAdmin: viewer.role === "admin" ? sql`true` : sql`false`,
    isCreator: eq(tasks.createdById, viewer.id),
    isAssignee: eq(tasks.assigneeId, viewer.id),
    aboveAssignee: isUnder(tasks.assigneeId, viewer.id),
    aboveCreator: isUnder(tasks.createdById, viewer.id),
  };
}

/** SQL condition: the viewer may see the task. Undefined for admins, who see every task, so their lists keep plain plans. */
export function visibleTo(viewer: Viewer): SQL | undefined {
  if (viewer.role === "admin") return undefined;
  const facts = relationFacts(viewer);
  return or(...SEEING_RELATIONS.filter((k) => k !== "isAdmin").map((k) => facts[k]));
}

/**
 * The task and the viewer's relation to it in one query, refused by the lists' own predicate
 * (`visibleTo`) unless the viewer may see it.
 * Inside a command pass `lock` so concurrent changes to one task run one after another.
 */
export async function loadVisibleTask(db: DbOrTx, viewer: Viewer, taskId: string, { lock = false } = {}): Promise<{ task: TaskRow; relation: TaskRelation }> {
  const facts = relationFacts(viewer);
  const query = db
    .select({
      task: tasks,
      isAdmin: sql<boolean>`${facts.isAdmin}`,
      isCreator: sql<boolean>`${facts.isCreator}`,
      isAssignee: sql<boolean>`${facts.isAssignee}`,
      aboveAssignee: sql<boolean>`${facts.aboveAssignee}`,
      aboveCreator: sql<boolean>`${facts.aboveCreator}`,
      visible: sql<boolean>`${visibleTo(viewer) ?? sql`true`}`,
    })
    .from(tasks)
    .where(eq(tasks.id, taskId));
  const [row] = lock ? await query.for("update", { of: tasks }) : await query;
  if (!row) throw new NotFound("tasks.errors.notFound");
  const { task, visible, ...relation } = row;
  if (!visible) throw new Forbidden("tasks.errors.notVisible");
  return { task, relation };
}
