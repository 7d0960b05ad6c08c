import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { departments } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { canKeepDepartmentTemplates } from "./templates";

/** The name of the department whose templates the viewer keeps, or null when they keep only their own. */
export async function viewerDepartmentName(db: DbOrTx, viewer: Viewer): Promise<string | null> {
  if (!canKeepDepartmentTemplates(viewer) || !viewer.departmentId) return null;
  const [row] = await db.select({ name: departments.name }).from(departments).where(eq(departments.id, viewer.departmentId));
  return row?.name ?? null;
}
