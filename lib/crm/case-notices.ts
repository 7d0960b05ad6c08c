import { eq, inArray } from "drizzle-orm";
import { cases, clients, users } from "@/db/schema";
import { notice } from "@/lib/notify/notice";
import { writeOutbox, type OutboxRow, type OutboxWork } from "@/lib/notify/outbox";
import { assignmentAudience, type CaseAssignment } from "./assignment";

/**
 * Tells the new owner of a case that it is theirs ("case.assigned"; a hand-over names the previous
 * owner) and the previous owner that it went to someone else ("case.unassigned"), inside the
 * transaction that moved it. The kinds of ./notice-kinds.ts render them in each reader's language,
 * with the due moment in their zone. Deactivated people and the person who made the change are not told.
 */
export async function notifyCaseAssignment(work: OutboxWork, assignment: CaseAssignment): Promise<string[]> {
  const { tx } = work;
  const { newOwner, previousOwner } = assignmentAudience(assignment);
  if (!newOwner && !previousOwner) return [];
  const [row] = await tx
    .select({ number: cases.number, title: cases.title, priority: cases.priority, dueAt: cases.dueAt, updatedAt: cases.updatedAt, client: clients.name })
    .from(cases)
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .where(eq(cases.id, assignment.caseId));
  if (!row) return [];
  const ids = [assignment.ownerId, assignment.assignedById, ...(assignment.previousOwnerId ? [assignment.previousOwnerId] : [])];
  const people = new Map(
    (
      await tx
        .select({ id: users.id, name: users.name, locale: users.locale, timeZone: users.timeZone, active: users.active })
        .from(users)
        .where(inArray(users.id, ids))
    ).map((p) => [p.id, p]),
  );
  const owner = people.get(assignment.ownerId);
  const previous = assignment.previousOwnerId ? people.get(assignment.previousOwnerId) : undefined;
  const facts = {
    caseId: assignment.caseId,
    caseNumber: row.number,
    title: row.title,
    client: row.client,
    priority: row.priority,
    actor: people.get(assignment.assignedById)?.name ?? "",
    assignedAt: row.updatedAt.toISOString(),
  };
  const rows: OutboxRow[] = [];
  const options = { actorId: assignment.assignedById };
  if (newOwner && owner?.active) {
    const payload = { ...facts, ...(previous ? { previous: previous.name } : {}), ...(row.dueAt ? { dueAt: row.dueAt.toISOString() } : {}) };
    rows.push(notice("case.assigned", payload, owner, options));
  }
  if (previousOwner && previous?.active) rows.push(notice("case.unassigned", { ...facts, owner: owner?.name ?? "" }, previous, options));
  return writeOutbox(work, rows);
}
