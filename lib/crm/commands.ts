import { and, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { clientContacts, clients, users } from "@/db/schema";
import { Conflict, Invalid, NotFound } from "@/lib/action/errors";
import type { Work } from "@/lib/effects/unit";
import { assertCanEditClient, assertCanManageContacts } from "./policy";
import type { AddContactInput, CreateClientInput, UpdateClientInput, UpdateContactInput } from "./schema";

// Client and contact writes. Each command runs in its unit of work: it checks, then writes.

/** True when the id belongs to an active user (a person who can be given work). */
export async function isActiveUser(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ active: users.active }).from(users).where(eq(users.id, id));
  return row?.active === true;
}

async function assertAccountManager(db: DbOrTx, id: string | null): Promise<void> {
  if (id !== null && !(await isActiveUser(db, id))) {
    throw new Invalid("crm.errors.accountManagerNotFound", { accountManagerId: ["crm.errors.accountManagerNotFound"] });
  }
}

async function assertTaxIdFree(db: DbOrTx, taxId: string | null, exceptClientId?: string): Promise<void> {
  if (taxId === null) return;
  const [other] = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.taxId, taxId), exceptClientId ? ne(clients.id, exceptClientId) : undefined))
    .limit(1);
  if (other) throw new Conflict("crm.errors.taxIdTaken", { taxId: ["crm.errors.taxIdTaken"] });
}

async function lockedClient(db: DbOrTx, id: string) {
  const [row] = await db.select().from(clients).where(eq(clients.id, id)).for("update");
  if (!row) throw new NotFound("clientNotFound");
  return row;
}

export async function createClient({ tx, now }: Work, input: CreateClientInput): Promise<{ id: string }> {
  await assertAccountManager(tx, input.accountManagerId);
  await assertTaxIdFree(tx, input.taxId);
  const [row] = await tx
    .insert(clients)
    .values({ ...input, createdAt: now, updatedAt: now })
    .returning({ id: clients.id });
  return { id: row!.id };
}

export async function updateClient({ tx, viewer, now }: Work, input: UpdateClientInput): Promise<{ id: string }> {
  const current = await lockedClient(tx, input.id);
  assertCanEditClient(viewer, current);
  // A manager who has since left stays on the record until someone picks another.
  if (input.accountManagerId !== current.accountManagerId) await assertAccountManager(tx, input.accountManagerId);
  if (input.taxId !== current.taxId) await assertTaxIdFree(tx, input.taxId, current.id);
  const { id, ...fields } = input;
  await tx
    .update(clients)
    .set({ ...fields, updatedAt: now })
    .where(eq(clients.id, id));
  return { id };
}

export async function addContact({ tx, viewer, now }: Work, input: AddContactInput): Promise<{ id: string; clientId: string }> {
  const client = await lockedClient(tx, input.clientId);
  assertCanManageContacts(viewer, client);
  const [row] = await tx
    .insert(clientContacts)
    .values({ ...input, createdAt: now })
    .returning({ id: clientContacts.id });
  return { id: row!.id, clientId: client.id };
}

async function contactWithClient(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: clientContacts.id, clientId: clientContacts.clientId, accountManagerId: clients.accountManagerId })
    .from(clientContacts)
    .innerJoin(clients, eq(clients.id, clientContacts.clientId))
    .where(eq(clientContacts.id, id))
    .for("update", { of: clientContacts });
  if (!row) throw new NotFound("crm.errors.contactNotFound");
  return row;
}

export async function updateContact({ tx, viewer }: Work, input: UpdateContactInput): Promise<{ id: string; clientId: string }> {
  const contact = await contactWithClient(tx, input.id);
  assertCanManageContacts(viewer, contact);
  const { id, ...fields } = input;
  await tx.update(clientContacts).set(fields).where(eq(clientContacts.id, id));
  return { id, clientId: contact.clientId };
}

export async function removeContact({ tx, viewer }: Work, input: { id: string }): Promise<{ id: string; clientId: string }> {
  const contact = await contactWithClient(tx, input.id);
  assertCanManageContacts(viewer, contact);
  await tx.delete(clientContacts).where(eq(clientContacts.id, input.id));
  return { id: input.id, clientId: contact.clientId };
}
