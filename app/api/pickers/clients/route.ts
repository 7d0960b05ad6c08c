import { getDb } from "@/db";
import { currentUser } from "@/lib/auth/current-user";
import { searchClients } from "@/lib/pickers/clients";
import { clientsQuery, searchParamsOf } from "@/lib/pickers/query";

export const dynamic = "force-dynamic";

/** Client pickers search here as one types: at most 20 clients the viewer may see. */
export async function GET(request: Request) {
  const viewer = await currentUser();
  if (!viewer) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const input = clientsQuery.safeParse(searchParamsOf(request));
  if (!input.success) return Response.json({ error: "invalid" }, { status: 400 });
  const items = await searchClients(await getDb(), viewer, input.data);
  return Response.json({ items }, { headers: { "cache-control": "private, no-store" } });
}
