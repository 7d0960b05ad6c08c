import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getDb, type Db } from "@/db";
import { currentUser } from "@/lib/auth/current-user";
import type { Viewer } from "@/lib/auth/viewer";
import { runUnit } from "@/lib/effects/unit";
import type { MessageParams } from "./errors";
import type { ActionResult } from "./result";
import { runAction, runPublicAction, type ActionContext, type ActionDeps, type ActionOptions } from "./run";

type Bindings = Omit<ActionDeps, "unit">;

const nextBindings: Bindings = {
  viewer: currentUser,
  locale: async () => ((await getLocale()) === "en" ? "en" : "pl"),
  translate: async (key, params) => {
    // Domain errors carry message keys chosen at run time: "forbidden" (under errors.) or a
    // full path such as "crm.errors.clientHasCases". Unknown keys are shown as given.
    const t = (await getTranslations()) as unknown as { has: (k: string) => boolean; (k: string, params?: MessageParams): string };
    if (t.has(`errors.${key}`)) return t(`errors.${key}`, params);
    return t.has(key) ? t(key, params) : key;
  },
  revalidate: (path) => revalidatePath(path),
  rethrowControlFlow: unstable_rethrow,
  log: (error) => console.error("[action]", error),
};

/**
 * Binds `runAction` to Next.js (session, cache, translations) and runs the handler as one unit
 * of work (lib/effects/unit.ts). Every `lib/<domain>/actions.ts` defines its actions with this
 * (or, around an external call, `defineActionOutsideUnit`).
 */
export function defineAction<S extends z.ZodType, R>(
  schema: S,
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<R>,
  options: ActionOptions<z.output<S>, R> = {},
): (input: z.input<S> | FormData) => Promise<ActionResult<R>> {
  return async (raw) =>
    runAction(
      // The person's action does not wait for delivery or scheduling: runUnit dispatches without awaiting.
      { ...nextBindings, unit: async (viewer, fn) => runUnit(await getDb(), viewer, fn) },
      schema,
      handler,
      options,
      raw,
    );
}

/**
 * An action whose command calls an external service (an SMS) and so must not hold a
 * transaction open across the call: the command runs its own units before and after it and
 * gets the database instead of a unit. Everything else is as in `defineAction`.
 */
export function defineActionOutsideUnit<S extends z.ZodType, R>(
  schema: S,
  handler: (input: z.output<S>, ctx: { viewer: Viewer; db: Db }) => Promise<R>,
  options: ActionOptions<z.output<S>, R> = {},
): (input: z.input<S> | FormData) => Promise<ActionResult<R>> {
  return async (raw) => runAction({ ...nextBindings, unit: async (viewer, fn) => fn({ viewer, db: await getDb() }) }, schema, handler, options, raw);
}

/**
 * An action run as whoever `viewer` names rather than `currentUser()`: the password change of a
 * person who must replace an admin's password first (whom `currentUser()` refuses).
 */
export function defineActionAs<S extends z.ZodType, R>(
  viewer: () => Promise<Viewer | null>,
  schema: S,
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<R>,
): (input: z.input<S> | FormData) => Promise<ActionResult<R>> {
  return async (raw) => runAction({ ...nextBindings, viewer, unit: async (v, fn) => runUnit(await getDb(), v, fn) }, schema, handler, {}, raw);
}

/** An action for signed-out visitors (see `runPublicAction`); the handler gets the database. */
export function definePublicAction<S extends z.ZodType, R>(
  schema: S,
  handler: (input: z.output<S>, db: Db) => Promise<R>,
): (input: z.input<S> | FormData) => Promise<ActionResult<R>> {
  return async (raw) => runPublicAction(nextBindings, schema, async (input) => handler(input, await getDb()), raw);
}
