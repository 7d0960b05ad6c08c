import { eq, sql } from "drizzle-orm";
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
  return (await loadAccount(db, userId))?.viewer ?? null;
}

/**
 * An active user as a viewer, and whether they must choose their own password before using the
 * app (an admin typed the current one). One primary-key read; null for a gone or inactive account.
 */
export async function loadAccount(db: DbOrTx, userId: string): Promise<{ viewer: Viewer; mustChangePassword: boolean } | null> {
  let query = preparedAccount.get(db);
  if (!query) preparedAccount.set(db, (query = accountQuery(db)));
  const [row] = await query.execute({ userId });
  if (!row || !row.active) return null;
  return { viewer: row.viewer, mustChangePassword: row.mustChangePassword };
}

/** The columns a Viewer is read from: every query that builds one selects these (sessions.ts too). */
export const viewerColumns = {
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
};

// Prepared once per database: every signed-in request reads it.
function accountQuery(db: DbOrTx) {
  return db
    .select({ viewer: viewerColumns, active: users.active, mustChangePassword: users.mustChangePassword })
    .from(users)
    .where(eq(users.id, sql.placeholder("userId")))
    .prepare("load_account");
}
const preparedAccount = new WeakMap<DbOrTx, ReturnType<typeof accountQuery>>();

/** Whether the account with this e-mail (if any) must replace an admin's password at sign-in. */
export async function mustChangePasswordOf(db: DbOrTx, email: string): Promise<boolean> {
  const [row] = await db.select({ mustChangePassword: users.mustChangePassword }).from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row?.mustChangePassword ?? false;
}
