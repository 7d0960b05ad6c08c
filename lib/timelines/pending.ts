import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { moments } from "@/db/schema";
import type { MomentKind } from "@/lib/reminders/timeline";
import { isPending } from "./fire";
import type { ItemRef, Moment } from "./types";

/** The pending moments of one item version, in time order: what its run sleeps towards. */
export async function pendingMomentsOf(db: DbOrTx, item: ItemRef, version: number): Promise<Moment[]> {
  const rows = await db
    .select()
    .from(moments)
    .where(and(eq(moments.itemType, item.type), eq(moments.itemId, item.id), eq(moments.version, version), isPending))
    .orderBy(asc(moments.at), asc(moments.momentKey));
  return rows.flatMap((r) => (r.recipientId ? [momentOfRow({ ...r, recipientId: r.recipientId })] : []));
}

export function momentOfRow(r: {
  momentKey: string;
  kind: MomentKind;
  at: Date;
  recipientId: string;
  channel: Moment["channel"];
  level: number | null;
  dueAt: Date | null;
  snoozeId: string | null;
}): Moment {
  return {
    key: r.momentKey,
    kind: r.kind,
    at: r.at,
    recipientId: r.recipientId,
    channel: r.channel,
    dueAt: r.dueAt,
    ...(r.level === 1 || r.level === 2 ? { level: r.level } : {}),
    ...(r.snoozeId ? { snoozeId: r.snoozeId } : {}),
  };
}
