import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cases, tasks } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { visibleTo } from "./access";

/** "/t/18" for task #18, "/c/7" for case #7: the links SMS carry. */
export type ShortLinkKind = "t" | "c";

const NUMBER = /^[1-9]\d{0,9}$/;

/**
 * Where a short link takes this viewer: the task's page if they may see it (the lists' and the
 * page's own predicate, `visibleTo`), the case's page (every signed-in person reads every case,
 * lib/crm/policy.ts). Null alike for a number nobody has and one the viewer may not see, so a
 * short link never tells which numbers exist.
 */
export async function resolveShortLink(db: DbOrTx, viewer: Viewer, kind: ShortLinkKind, number: string): Promise<string | null> {
  if (!NUMBER.test(number) || Number(number) > 2_147_483_647) return null;
  if (kind === "t") {
    const [row] = await db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.number, Number(number)), visibleTo(viewer)));
    return row ? `/tasks/${row.id}` : null;
  }
  const [row] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(eq(cases.number, Number(number)));
  return row ? `/cases/${row.id}` : null;
}
