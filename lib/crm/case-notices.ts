import { eq } from "drizzle-orm";
import { cases, clients, users } from "@/db/schema";
import { notice } from "@/lib/notify/notice";
import { writeOutbox, type OutboxWork } from "@/lib/notify/outbox";
import type { CaseAssignment } from "./assignment";

/**
 * Tells the new owner of a case about it (the "case.assigned" kind of ./notice-kinds.ts renders it
 * in their language with the due moment in their zone), inside the transaction that assigned it. A deactivated owner is not notified.
 */
export async function notifyCaseAssignment(work: OutboxWork, assignment: CaseAssignment): Promise<string[]> {
  const { tx } = work;
  const [row] = await tx
    .select({
      number: cases.number,
      title: cases.title,
      priority: cases.priority,
      dueAt: cases.dueAt,
      updatedAt: cases.updatedAt,
      client: clients.name,
      ownerLocale: users.locale,
      ownerZone: users.timeZone,
      ownerActive: users.active,
    })
    .from(cases)
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .innerJoin(users, eq(users.id, cases.ownerId))
    .where(eq(cases.id, assignment.caseId));
  if (!row || !row.ownerActive) return [];
  const [actor] = await tx.select({ name: users.name }).from(users).where(eq(users.id, assignment.assignedById));
  const owner = { id: assignment.ownerId, locale: row.ownerLocale, timeZone: row.ownerZone };
  const payload = {
    caseId: assignment.caseId,
    caseNumber: row.number,
    title: row.title,
    client: row.client,
    priority: row.priority,
    actor: actor?.name ?? "",
    assignedAt: row.updatedAt.toISOString(),
    ...(row.dueAt ? { dueAt: row.dueAt.toISOString() } : {}),
  };
  return writeOutbox(work, [notice("case.assigned", payload, owner, { actorId: assignment.assignedById })]);
}
