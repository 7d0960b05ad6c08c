import { getDb } from "@/db";
import { Forbidden } from "@/lib/action/errors";
import { currentUser } from "@/lib/auth/current-user";
import { searchPeople } from "@/lib/pickers/people";
import { peopleQuery, searchParamsOf } from "@/lib/pickers/query";

export const dynamic = "force-dynamic";

/** People pickers search here as one types: at most 20 people the viewer may pick for `scope`. */
export async function GET(request: Request) {
  const viewer = await currentUser();
  if (!viewer) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const input = peopleQuery.safeParse(searchParamsOf(request));
  if (!input.success) return Response.json({ error: "invalid" }, { status: 400 });
  try {
    const items = await searchPeople(await getDb(), viewer, input.data);
    return Response.json({ items }, { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    if (error instanceof Forbidden) return Response.json({ error: "forbidden" }, { status: 403 });
    throw error;
  }
}
