"use client";

import { useCallback, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action/result";

/**
 * Runs a server action from a client component and keeps its pending state, error and field
 * errors for the form to show. `onSuccess` runs after a successful result.
 */
export function useAction<In, Out>(action: (input: In) => Promise<ActionResult<Out>>, onSuccess?: (data: Out) => void) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<Out> | null>(null);

  const run = useCallback(
    (input: In) =>
      new Promise<ActionResult<Out>>((resolve) => {
        startTransition(async () => {
          const r = await action(input);
          setResult(r);
          if (r.ok) onSuccess?.(r.data);
          resolve(r);
        });
      }),
    [action, onSuccess],
  );

  const fieldErrors = result && !result.ok ? result.fieldErrors : undefined;
  return {
    run,
    pending,
    result,
    error: result && !result.ok ? result.error : undefined,
    fieldErrors,
    errorsFor: (field: string) => fieldErrors?.[field],
    reset: () => setResult(null),
  };
}
