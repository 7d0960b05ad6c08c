import { getDb } from "@/db";
import { currentUser } from "@/lib/auth/current-user";
import { contactsQuery, searchContacts } from "@/lib/pickers/contacts";
import { searchParamsOf } from "@/lib/pickers/query";

export const dynamic = "force-dynamic";

/** The entry form's guest picker: at most 20 contacts with an e-mail address of one client. */
export async function GET(request: Request) {
  const viewer = await currentUser();
  if (!viewer) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const input = contactsQuery.safeParse(searchParamsOf(request));
  if (!input.success) return Response.json({ error: "invalid" }, { status: 400 });
  const items = await searchContacts(await getDb(), viewer, input.data);
  return Response.json({ items }, { headers: { "cache-control": "private, no-store" } });
}
