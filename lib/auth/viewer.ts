import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { users } from "@/db/schema";
import type { DateFormat } from "@/lib/i18n/format-for";

/** The signed-in person on whose behalf a query or command runs. */
export interface Viewer {
  id: string;
  email: string;
  name: string;
  role: "admin" | "manager" | "member";
  departmentId: string | null;
  supervisorId: string | null;
  timeZone: string;
  locale: "pl" | "en";
  /** How they read dates; absent (a viewer built by hand in a test) means "auto". */
  dateFormat?: DateFormat;
  workingMode: "office" | "field" | "remote" | "away";
}

/** Loads an active user as a viewer; null when the account is gone or inactive (sessions are checked in lib/auth/sessions.ts). */
export async function loadViewer(db: DbOrTx, userId: string): Promise<Viewer | null> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      departmentId: users.departmentId,
      supervisorId: users.supervisorId,
      timeZone: users.timeZone,
      locale: users.locale,
      dateFormat: users.dateFormat,
      workingMode: users.workingMode,
      active: users.active,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row || !row.active) return null;
  const { active: _active, ...viewer } = row;
  return viewer;
}
