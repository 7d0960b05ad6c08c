import { eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { cases, clients, users } from "@/db/schema";
import { formatInstantFor } from "@/lib/i18n/format-for";
import { messages } from "@/lib/i18n/messages";
import { writeOutbox, type OutboxWork } from "@/lib/notify/outbox";
import type { CaseAssignment } from "./assignment";

/**
 * Tells the new owner of a case about it, in their language with the due moment in their zone,
 * inside the transaction that assigned it. A deactivated owner is not notified.
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
  const t = createTranslator({ locale: row.ownerLocale, messages: messages[row.ownerLocale], namespace: "crm.notice.assigned" });
  const due = row.dueAt ? formatInstantFor(row.dueAt, { locale: row.ownerLocale, timeZone: row.ownerZone }) : null;
  const values = { number: row.number, title: row.title, actor: actor?.name ?? "", client: row.client, due: due ?? "" };
  return writeOutbox(work, [
    {
      recipientId: assignment.ownerId,
      kind: "case.assigned",
      priority: row.priority,
      title: t("title", values),
      body: [t("body", values), due ? t("dueLine", values) : null].filter(Boolean).join("\n"),
      link: `/cases/${assignment.caseId}`,
      dedupeKey: `case:${assignment.caseId}:assigned:${assignment.ownerId}:${row.updatedAt.toISOString()}`,
      actorId: assignment.assignedById,
      payload: { caseId: assignment.caseId, caseNumber: row.number, ...(row.dueAt ? { dueAt: row.dueAt.toISOString() } : {}) },
    },
  ]);
}
