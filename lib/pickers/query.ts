import { z } from "zod";
import { PEOPLE_SCOPES } from "./people";

const id = z.string().uuid();
const text = z.string().max(100).default("");

/** `?q=&scope=&exclude=` of the people search; a comma-separated `exclude` of ids. */
export const peopleQuery = z.object({
  q: text,
  scope: z.enum(PEOPLE_SCOPES).default("active"),
  exclude: z
    .string()
    .max(400)
    .default("")
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(id).max(10)),
});

export const clientsQuery = z.object({ q: text });

export const casesQuery = z.object({ q: text, client: id.optional() });

/** The search parameters as a plain object, each name once (a repeated name keeps its first value). */
export function searchParamsOf(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) if (!(key in out)) out[key] = value;
  return out;
}
