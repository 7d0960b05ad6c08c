import { getDb } from "@/db";
import { currentUser } from "@/lib/auth/current-user";
import { formatInstantFor } from "@/lib/i18n/format-for";
import { notificationsOf, unreadCountOf } from "@/lib/notify/queries";

export const dynamic = "force-dynamic";

/** The bell's feed: unread count and the latest notifications of the signed-in user. */
export async function GET() {
  const viewer = await currentUser();
  if (!viewer) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const db = await getDb();
  const [unread, items] = await Promise.all([unreadCountOf(db, viewer), notificationsOf(db, viewer, { limit: 8 })]);
  // Texts come rendered in the viewer's language, and `at` is the time in their date format.
  const feed = items.map((item) => ({ ...item, at: formatInstantFor(item.createdAt, viewer) }));
  return Response.json({ unread, items: feed }, { headers: { "cache-control": "no-store" } });
}
