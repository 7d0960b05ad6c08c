import { getDb } from "@/db";
import { currentUser } from "@/lib/auth/current-user";
import { invitationAnswersFor } from "@/lib/calendar/invitations";
import { bellFeedOf, bellVersionOf, matchesValidator } from "@/lib/notify/bell";

export const dynamic = "force-dynamic";

// The browser may keep the answer, for this person only, and must ask again every time (with If-None-Match).
const CACHING = { "cache-control": "private, no-cache", vary: "Cookie" };

/**
 * The bell's feed: unread count and the latest notifications of the signed-in user. The bell
 * polls it every few seconds; an unchanged poll is answered 304 from one cheap indexed read
 * (lib/notify/bell.ts) without reading or rendering the list. An invitation among the items
 * carries its entry's id and the viewer's current answer, so the bell offers accept / tentative /
 * decline (lib/calendar/invitations.ts; the validator includes that answer).
 */
export async function GET(request: Request) {
  const viewer = await currentUser();
  if (!viewer) return Response.json({ error: "unauthenticated" }, { status: 401, headers: { "cache-control": "no-store" } });
  const db = await getDb();
  // Read before the list: a change landing in between makes the next poll a 200 again, never a stale 304.
  const etag = await bellVersionOf(db, viewer);
  if (matchesValidator(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers: { ...CACHING, etag } });
  // Texts come rendered in the viewer's language, and `at` is the time in their date format.
  const feed = await bellFeedOf(db, viewer);
  const answers = await invitationAnswersFor(
    db,
    viewer,
    feed.items.map((item) => item.id),
  );
  const items = feed.items.map((item) => ({ ...item, answer: answers.get(item.id) ?? null }));
  return Response.json({ ...feed, items }, { headers: { ...CACHING, etag } });
}
