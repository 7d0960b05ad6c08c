import { inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { notificationDeliveries } from "@/db/schema";

export async function notificationIdsOfDeliveries(db: Db, deliveryIds: string[]): Promise<string[]> {
  if (!deliveryIds.length) return [];
  const rows = await db
    .selectDistinct({ id: notificationDeliveries.notificationId })
    .from(notificationDeliveries)
    .where(inArray(notificationDeliveries.id, deliveryIds));
  return rows.map((r) => r.id);
}
