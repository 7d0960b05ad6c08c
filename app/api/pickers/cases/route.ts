import { getDb } from "@/db";
import { currentUser } from "@/lib/auth/current-user";
import { searchCases } from "@/lib/pickers/clients";
import { casesQuery, searchParamsOf } from "@/lib/pickers/query";

export const dynamic = "force-dynamic";

/** The task form's case picker searches here: at most 20 open cases, of one client when given. */
export async function GET(request: Request) {
  const viewer = await currentUser();
  if (!viewer) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const input = casesQuery.safeParse(searchParamsOf(request));
  if (!input.success) return Response.json({ error: "invalid" }, { status: 400 });
  const items = await searchCases(await getDb(), viewer, { q: input.data.q, clientId: input.data.client });
  return Response.json({ items }, { headers: { "cache-control": "private, no-store" } });
}
