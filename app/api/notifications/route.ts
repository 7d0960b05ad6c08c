import { getDb } from "@/db";
import { currentUser } from "@/lib/auth/current-user";
import { notificationsOf, unreadCountOf } from "@/lib/notify/queries";

export const dynamic = "force-dynamic";

/** The bell's feed: unread count and the latest notifications of the signed-in user. */
export async function GET() {
  const viewer = await currentUser();
  if (!viewer) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const db = await getDb();
  const [unread, items] = await Promise.all([unreadCountOf(db, viewer), notificationsOf(db, viewer, { limit: 8 })]);
  return Response.json({ unread, items }, { headers: { "cache-control": "no-store" } });
}
