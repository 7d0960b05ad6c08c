import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { devMessages } from "@/db/schema";
import { env, type Env } from "@/lib/config/env";
import type { Viewer } from "@/lib/auth/viewer";
import { channelDelivery } from "./deployment-channels";

/** The development mailbox exists only outside production, while e-mail or SMS has no provider keys. */
export function devMailboxEnabled(e: Env = env()): boolean {
  const delivery = channelDelivery(e);
  return delivery.email === "mailbox" || delivery.sms === "mailbox";
}

async function ownAddresses(db: Db, viewer: Viewer) {
  const [me] = await db.select({ email: users.email, phone: users.phone }).from(users).where(eq(users.id, viewer.id));
  return [me?.email, me?.phone].filter((v): v is string => Boolean(v));
}

/** Admins see every captured message; everyone else the ones addressed to them. */
function visibleTo(viewer: Viewer, addresses: string[]) {
  if (viewer.role === "admin") return undefined;
  return addresses.length ? inArray(devMessages.recipient, addresses) : sql`false`;
}

export async function devMailboxOf(db: Db, viewer: Viewer, limit = 100) {
  const where = visibleTo(viewer, await ownAddresses(db, viewer));
  return db
    .select({
      id: devMessages.id,
      channel: devMessages.channel,
      recipient: devMessages.recipient,
      subject: devMessages.subject,
      text: devMessages.text,
      createdAt: devMessages.createdAt,
    })
    .from(devMessages)
    .where(where)
    .orderBy(desc(devMessages.createdAt))
    .limit(limit);
}

export async function devMessageOf(db: Db, viewer: Viewer, id: string) {
  const where = visibleTo(viewer, await ownAddresses(db, viewer));
  const [row] = await db
    .select()
    .from(devMessages)
    .where(and(eq(devMessages.id, id), where));
  return row ?? null;
}
