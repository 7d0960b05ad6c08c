import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/db";
import { dispatcher, setDispatcher, type Effect } from "@/lib/effects";
import { runUnit } from "@/lib/effects/unit";
import { Conflict, Forbidden, Invalid } from "./errors";
import { runAction, type ActionDeps } from "./run";

const viewer: Viewer = {
  id: "00000000-0000-4000-8000-000000000001",
  email: "a@test.example",
  name: "A",
  role: "member",
  departmentId: null,
  supervisorId: null,
  timeZone: "Europe/Warsaw",
  locale: "pl",
  workingMode: "office",
};

// A database whose transaction runs the callback and rolls back when it throws (nothing to roll back here).
const fakeDb = { transaction: async <T>(fn: (tx: unknown) => Promise<T>) => fn({}) } as unknown as Db;

const original = dispatcher();
afterEach(() => setDispatcher(original));

function deps(overrides: Partial<ActionDeps> = {}): ActionDeps & { revalidated: string[]; logged: unknown[] } {
  const revalidated: string[] = [];
  const logged: unknown[] = [];
  return {
    viewer: async () => viewer,
    unit: (v, fn) => runUnit(fakeDb, v, fn),
    locale: async () => "en",
    translate: (key) => (key === "forbidden" ? "You are not allowed to do this." : key),
    revalidate: (p) => revalidated.push(p),
    rethrowControlFlow: () => {},
    log: (e) => logged.push(e),
    revalidated,
    logged,
    ...overrides,
  };
}

const schema = z.object({ title: z.string().trim().min(1, "required"), n: z.coerce.number().int().max(100) });

describe("runAction", () => {
  it("refuses a signed-out caller before parsing or running anything", async () => {
    const handler = vi.fn();
    const r = await runAction(deps({ viewer: async () => null }), schema, handler, {}, { title: "x", n: 1 });
    expect(r).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("returns field errors for bad input and never runs the handler", async () => {
    const handler = vi.fn();
    const r = await runAction(deps(), schema, handler, {}, { title: "  ", n: 150 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe("invalid");
    expect(r.fieldErrors?.title).toEqual(["required"]);
    expect(r.fieldErrors?.n?.[0]).toMatch(/100/);
    expect(handler).not.toHaveBeenCalled();
  });

  it("passes parsed input and the viewer, then revalidates", async () => {
    const d = deps();
    const r = await runAction(
      d,
      schema,
      async (input, ctx) => ({ echoed: input.title, by: ctx.viewer.id }),
      { revalidate: () => ["/tasks"] },
      { title: " Hi ", n: "7" },
    );
    expect(r).toEqual({ ok: true, data: { echoed: "Hi", by: viewer.id } });
    expect(d.revalidated).toEqual(["/tasks"]);
  });

  it("fills a domain error's placeholders and hands its details to the form", async () => {
    const translate = vi.fn((key: string, params?: Record<string, string | number>) => `${key}:${JSON.stringify(params ?? {})}`);
    const r = await runAction(
      deps({ translate }),
      schema,
      async () => {
        throw new Conflict("resources.errors.taken").with({ resource: "Sala 1", bookedBy: "Anna" }, { alternatives: [{ id: "r2", name: "Sala 2" }] });
      },
      {},
      { title: "x", n: 1 },
    );
    expect(r).toEqual({
      ok: false,
      code: "conflict",
      error: 'resources.errors.taken:{"resource":"Sala 1","bookedBy":"Anna"}',
      details: { alternatives: [{ id: "r2", name: "Sala 2" }] },
    });
  });

  it("turns typed domain errors into translated messages with field errors", async () => {
    const r1 = await runAction(
      deps(),
      schema,
      async () => {
        throw new Forbidden("forbidden");
      },
      {},
      { title: "x", n: 1 },
    );
    expect(r1).toEqual({ ok: false, code: "forbidden", error: "You are not allowed to do this." });
    const r2 = await runAction(
      deps(),
      schema,
      async () => {
        throw new Invalid("invalidInput", { n: ["tooBig"] });
      },
      {},
      { title: "x", n: 1 },
    );
    expect(r2).toMatchObject({ ok: false, code: "invalid", fieldErrors: { n: ["tooBig"] } });
  });

  it("hides unexpected errors behind a generic message and logs them", async () => {
    const d = deps();
    const r = await runAction(
      d,
      schema,
      async () => {
        throw new Error("connection reset: secret details");
      },
      {},
      { title: "x", n: 1 },
    );
    expect(r).toEqual({ ok: false, code: "internal", error: "internal" });
    expect(d.logged).toHaveLength(1);
    expect(d.revalidated).toEqual([]);
  });

  it("reads FormData, with repeated names as arrays", async () => {
    const form = new FormData();
    form.append("title", "Form");
    form.append("n", "3");
    form.append("tag", "a");
    form.append("tag", "b");
    const s = z.object({ title: z.string(), n: z.coerce.number(), tag: z.array(z.string()) });
    const r = await runAction(deps(), s, async (input) => input, {}, form);
    expect(r).toEqual({ ok: true, data: { title: "Form", n: 3, tag: ["a", "b"] } });
  });

  it("hands the effects a command declared to the dispatcher once it returns, and none when it throws", async () => {
    const dispatched: Effect[][] = [];
    setDispatcher({ name: "recorder", dispatch: async (effects) => void dispatched.push([...effects]) });
    const d = deps();
    const ok = await runAction(
      d,
      schema,
      async (_input, { effects }) => {
        effects.notify(["n-1", "n-2"]);
        effects.schedule({ type: "task", id: "t-1", version: 1 });
        effects.schedule({ type: "task", id: "t-1", version: 2 });
        return "done";
      },
      {},
      { title: "x", n: 1 },
    );
    expect(ok).toEqual({ ok: true, data: "done" });
    expect(dispatched).toEqual([
      [
        { kind: "notify", ids: ["n-1", "n-2"] },
        { kind: "schedule", item: { type: "task", id: "t-1", version: 2 } },
      ],
    ]);

    const failed = await runAction(
      d,
      schema,
      async (_input, { effects }) => {
        effects.notify(["n-3"]);
        throw new Conflict("stale");
      },
      {},
      { title: "x", n: 1 },
    );
    expect(failed).toMatchObject({ ok: false, code: "conflict" });
    expect(dispatched).toHaveLength(1);
  });
});
