import { z } from "zod";
import { lineString } from "@/lib/action/fields";

/**
 * The window route's query string: ?from=<instant>&to=<instant>&people=<id,id,...>. Instants
 * carry their offset ("2026-03-30T00:00:00+02:00" or "...Z"): a view asks for exactly what it shows.
 */
export const windowQuery = z.object({
  from: lineString().pipe(z.iso.datetime({ offset: true })),
  to: lineString().pipe(z.iso.datetime({ offset: true })),
  people: lineString()
    .optional()
    .transform((v) => (v ? v.split(",").filter(Boolean) : []))
    .pipe(z.array(z.uuid())),
});
