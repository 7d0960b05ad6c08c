"use client";

import { z } from "zod";

// Zod probes `new Function` once to decide whether to compile its parsers; under our CSP (no
// 'unsafe-eval') the browser reports that probe as a violation even though zod catches it.
z.config({ jitless: true });

/** Rendered once in the root layout so that the setting above runs in every page's bundle. */
export function ZodWithoutEval() {
  return null;
}
