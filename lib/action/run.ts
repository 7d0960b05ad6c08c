import { z } from "zod";
import { en, pl } from "zod/locales";
import type { Viewer } from "@/lib/auth/viewer";
import type { Work } from "@/lib/effects/unit";
import { isUserError, type MessageParams } from "./errors";
import { formDataToObject } from "./form-data";
import type { ActionResult } from "./result";

export interface ActionDeps<C = Work> {
  viewer: () => Promise<Viewer | null>;
  /** Runs the handler as one unit of work for the viewer: commits, then dispatches its effects (runUnit). */
  unit: <T>(viewer: Viewer, fn: (ctx: C) => Promise<T>) => Promise<T>;
  locale: () => Promise<"pl" | "en">;
  /** Translates a key of the "errors" messages with its placeholders; unknown keys come back unchanged. */
  translate: (key: string, params?: MessageParams) => Promise<string> | string;
  revalidate: (path: string) => void;
  /** Rethrows framework control flow (redirect, notFound) instead of reporting it as a failure. */
  rethrowControlFlow: (error: unknown) => void;
  log: (error: unknown) => void;
}

/** A handler runs inside the unit of work: its transaction, viewer, clock and effects. */
export type ActionContext = Work;

export interface ActionOptions<In, Out> {
  /** Paths whose cached pages this action makes stale. */
  revalidate?: (input: In, result: Out) => string[];
}

const zodLocales = { pl: pl(), en: en() };

/**
 * The one shape of every server action: session, zod parse, command, revalidate, and a result
 * of `{ ok: true, data }` or `{ ok: false, code, error, fieldErrors }` in the user's language.
 */
export async function runAction<S extends z.ZodType, R, C = ActionContext>(
  deps: ActionDeps<C>,
  schema: S,
  handler: (input: z.output<S>, ctx: C) => Promise<R>,
  options: ActionOptions<z.output<S>, R>,
  raw: unknown,
): Promise<ActionResult<R>> {
  const viewer = await deps.viewer();
  if (!viewer) return { ok: false, code: "unauthenticated", error: await deps.translate("unauthenticated") };
  return runParsed(deps, schema, (input) => deps.unit(viewer, (work) => handler(input, work)), options, raw);
}

/** The bindings an action for signed-out visitors needs (no session, no unit). */
export type PublicActionDeps = Omit<ActionDeps, "viewer" | "unit">;

/**
 * An action for a signed-out visitor (asking for a password-reset link, using it): the same
 * parse, typed errors and result shape as `runAction`, with no session; the handler runs its own units.
 */
export async function runPublicAction<S extends z.ZodType, R>(
  deps: PublicActionDeps,
  schema: S,
  handler: (input: z.output<S>) => Promise<R>,
  raw: unknown,
): Promise<ActionResult<R>> {
  return runParsed(deps, schema, handler, {}, raw);
}

async function runParsed<S extends z.ZodType, R>(
  deps: PublicActionDeps,
  schema: S,
  call: (input: z.output<S>) => Promise<R>,
  options: ActionOptions<z.output<S>, R>,
  raw: unknown,
): Promise<ActionResult<R>> {
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
    // A handler that threw rolled its unit back: nothing it declared is dispatched.
    const data = await call(parsed.data);
    for (const path of options.revalidate?.(parsed.data, data) ?? []) deps.revalidate(path);
    return { ok: true, data };
  } catch (error) {
    deps.rethrowControlFlow(error);
    if (isUserError(error)) {
      return {
        ok: false,
        code: error.code,
        error: await deps.translate(error.message, error.params),
        ...(error.details ? { details: error.details } : {}),
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

async function translateFieldErrors(deps: PublicActionDeps, errors: Record<string, string[]>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(errors)) {
    out[field] = await Promise.all(messages.map((m) => deps.translate(m)));
  }
  return out;
}
