import { z } from "zod";
import { en, pl } from "zod/locales";
import type { Db } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import { Effects } from "@/lib/effects";
import { isUserError } from "./errors";
import { formDataToObject } from "./form-data";
import type { ActionResult } from "./result";

export interface ActionDeps {
  viewer: () => Promise<Viewer | null>;
  db: () => Promise<Db>;
  locale: () => Promise<"pl" | "en">;
  /** Translates a key of the "errors" messages; unknown keys come back unchanged. */
  translate: (key: string) => Promise<string> | string;
  revalidate: (path: string) => void;
  /** Rethrows framework control flow (redirect, notFound) instead of reporting it as a failure. */
  rethrowControlFlow: (error: unknown) => void;
  log: (error: unknown) => void;
  /** Receives the effects the command declared, once it has returned (its transaction committed). */
  dispatch: (effects: Effects) => void;
}

export interface ActionContext {
  viewer: Viewer;
  db: Db;
  /** Where the command declares what must happen after it commits. */
  effects: Effects;
}

export interface ActionOptions<In, Out> {
  /** Paths whose cached pages this action makes stale. */
  revalidate?: (input: In, result: Out) => string[];
}

const zodLocales = { pl: pl(), en: en() };

/**
 * The one shape of every server action: session, zod parse, command, revalidate, and a result
 * of `{ ok: true, data }` or `{ ok: false, code, error, fieldErrors }` in the user's language.
 */
export async function runAction<S extends z.ZodType, R>(
  deps: ActionDeps,
  schema: S,
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<R>,
  options: ActionOptions<z.output<S>, R>,
  raw: unknown,
): Promise<ActionResult<R>> {
  const viewer = await deps.viewer();
  if (!viewer) return { ok: false, code: "unauthenticated", error: await deps.translate("unauthenticated") };

  const locale = await deps.locale();
  const input = raw instanceof FormData ? formDataToObject(raw) : raw;
  const parsed = schema.safeParse(input, { error: zodLocales[locale].localeError });
  if (!parsed.success) {
    return {
      ok: false,
      code: "invalid",
      error: await deps.translate("invalidInput"),
      fieldErrors: await translateFieldErrors(deps, fieldErrorsOf(parsed.error)),
    };
  }

  try {
    const effects = new Effects();
    const data = await handler(parsed.data, { viewer, db: await deps.db(), effects });
    // A command that threw declared nothing that committed: its effects are dropped with it.
    deps.dispatch(effects);
    for (const path of options.revalidate?.(parsed.data, data) ?? []) deps.revalidate(path);
    return { ok: true, data };
  } catch (error) {
    deps.rethrowControlFlow(error);
    if (isUserError(error)) {
      return {
        ok: false,
        code: error.code,
        error: await deps.translate(error.message),
        ...(error.fieldErrors ? { fieldErrors: await translateFieldErrors(deps, error.fieldErrors) } : {}),
      };
    }
    deps.log(error);
    return { ok: false, code: "internal", error: await deps.translate("internal") };
  }
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

async function translateFieldErrors(deps: ActionDeps, errors: Record<string, string[]>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(errors)) {
    out[field] = await Promise.all(messages.map((m) => deps.translate(m)));
  }
  return out;
}
