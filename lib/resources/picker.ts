import { and, asc, eq, ilike, isNull, notInArray, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { resourceDepartments, resources } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { PICKER_LIMIT, containing, startingWith, type PickerItem } from "@/lib/pickers/picker-item";
import { canManageResources } from "./policy";

/** `?q=&exclude=` of the resource search; `exclude` a comma-separated list of ids already chosen. */
export const resourcesQuery = z.object({
  q: z.string().max(100).default(""),
  exclude: z
    .string()
    .max(400)
    .default("")
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(z.uuid()).max(10)),
});
export type ResourcesQuery = z.output<typeof resourcesQuery>;

/** Only chosen departments may book it, and the viewer is in none of them (admins may book anything). */
function bookableBy(viewer: Pick<Viewer, "role" | "departmentId">): SQL | undefined {
  if (canManageResources(viewer)) return undefined;
  const mine = viewer.departmentId
    ? sql`EXISTS (SELECT 1 FROM ${resourceDepartments} d WHERE d.resource_id = ${resources.id} AND d.department_id = ${viewer.departmentId}::uuid)`
    : sql`false`;
  return or(eq(resources.departmentsOnly, false), mine);
}

/**
 * Resources the viewer may book (not retired, their department where only chosen ones may)
 * whose name, location or description contains `q`: names starting with it first, then by name.
 */
export async function searchResources(db: DbOrTx, viewer: Viewer, input: ResourcesQuery): Promise<PickerItem[]> {
  const q = input.q.trim();
  const rows = await db
    .select({ id: resources.id, name: resources.name, location: resources.location })
    .from(resources)
    .where(
      and(
        isNull(resources.retiredAt),
        bookableBy(viewer),
        q ? or(ilike(resources.name, containing(q)), ilike(resources.location, containing(q)), ilike(resources.description, containing(q))) : undefined,
        input.exclude.length ? notInArray(resources.id, input.exclude) : undefined,
      ),
    )
    .orderBy(...(q ? [sql`${resources.name} ILIKE ${startingWith(q)} DESC`] : []), asc(sql`lower(${resources.name})`), asc(resources.id))
    .limit(PICKER_LIMIT);
  return rows.map((r) => ({ id: r.id, label: r.name, detail: r.location }));
}
