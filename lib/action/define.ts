import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getDb } from "@/db";
import { currentUser } from "@/lib/auth/current-user";
import { dispatchAfterCommit } from "@/lib/effects";
import type { ActionResult } from "./result";
import { runAction, type ActionContext, type ActionOptions } from "./run";

/**
 * Binds `runAction` to Next.js (session, cache, translations). Every `lib/<domain>/actions.ts`
 * defines its actions with this and nothing else.
 */
export function defineAction<S extends z.ZodType, R>(
  schema: S,
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<R>,
  options: ActionOptions<z.output<S>, R> = {},
): (input: z.input<S> | FormData) => Promise<ActionResult<R>> {
  return async (raw) =>
    runAction(
      {
        viewer: currentUser,
        db: getDb,
        locale: async () => ((await getLocale()) === "en" ? "en" : "pl"),
        translate: async (key) => {
          // Domain errors carry message keys chosen at run time: "forbidden" (under errors.) or a
          // full path such as "crm.errors.clientHasCases". Unknown keys are shown as given.
          const t = (await getTranslations()) as unknown as { has: (k: string) => boolean; (k: string): string };
          if (t.has(`errors.${key}`)) return t(`errors.${key}`);
          return t.has(key) ? t(key) : key;
        },
        revalidate: (path) => revalidatePath(path),
        rethrowControlFlow: unstable_rethrow,
        log: (error) => console.error("[action]", error),
        // Not awaited: the person's action never waits for delivery or scheduling.
        dispatch: (effects) => void dispatchAfterCommit(effects),
      },
      schema,
      handler,
      options,
      raw,
    );
}
