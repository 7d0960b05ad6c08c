import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { calendarEntries, calendars, cases, clients, departments, users } from "@/db/schema";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";

// A cheap argon2id hash of "correct horse battery" (m=19456,t=2,p=1), so factories skip hashing.
export const FACTORY_PASSWORD = "correct horse battery";
export const FACTORY_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$t3gBWyRrMaXFXadx0qmi2A$wwgTkKBXEo49PnEMEtZCJSWV5ya8ho0JvccXCwF9MgI";

function unique(): string {
  return randomUUID().slice(0, 8);
}

export async function makeDepartment(db: Db, name = `Dział ${unique()}`) {
  const [row] = await db.insert(departments).values({ name }).returning();
  return row!;
}

export async function makeUser(db: Db, overrides: Partial<typeof users.$inferInsert> = {}): Promise<typeof users.$inferSelect & { viewer: Viewer }> {
  const id = unique();
  const [row] = await db
    .insert(users)
    .values({ email: `user-${id}@test.example`, name: `Test User ${id}`, passwordHash: FACTORY_PASSWORD_HASH, ...overrides })
    .returning();
  const viewer = await loadViewer(db, row!.id);
  return { ...row!, viewer: viewer ?? (await viewerOf(db, row!.id)) };
}

async function viewerOf(db: Db, id: string): Promise<Viewer> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) throw new Error("user vanished");
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    departmentId: row.departmentId,
    supervisorId: row.supervisorId,
    timeZone: row.timeZone,
    locale: row.locale,
    workingMode: row.workingMode,
  };
}

export async function makeClient(db: Db, overrides: Partial<typeof clients.$inferInsert> = {}) {
  const [row] = await db
    .insert(clients)
    .values({ name: `Klient ${unique()} sp. z o.o.`, ...overrides })
    .returning();
  return row!;
}

export async function makeCase(db: Db, input: { ownerId: string; clientId: string } & Partial<typeof cases.$inferInsert>) {
  const [row] = await db
    .insert(cases)
    .values({ kind: "service_request", title: `Sprawa ${unique()}`, ...input })
    .returning();
  return row!;
}

/**
 * An entry written straight into a person's calendar (made if they have none yet), for tests that
 * need one as it is stored, not as the calendar's commands make it.
 */
export async function makeEntry(db: Db, ownerId: string, values: Omit<typeof calendarEntries.$inferInsert, "calendarId">) {
  await db.insert(calendars).values({ userId: ownerId }).onConflictDoNothing();
  const [calendar] = await db.select({ id: calendars.id }).from(calendars).where(eq(calendars.userId, ownerId));
  const [entry] = await db
    .insert(calendarEntries)
    .values({ ...values, calendarId: calendar!.id })
    .returning();
  return entry!;
}
