import type { Db, Tx } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import { Effects, type Effect } from "@/lib/effects";
import { runUnit, type Work } from "@/lib/effects/unit";

const performed: Effect[][] = [];

/**
 * Runs a command the way the action wrapper, a route handler or a job does: as one unit of work
 * for `viewer` (null for a job), committed and then dispatched. `now` fixes the unit's clock.
 * The effects of each committed unit are kept (see `performedEffects`).
 */
export async function perform<V extends Viewer | null, I, R>(
  db: Db,
  viewer: V,
  command: (work: Work<V>, input: I) => Promise<R>,
  input: I,
  options: { now?: Date } = {},
): Promise<R> {
  let declared: Work<V>["effects"] | undefined;
  const result = await runUnit(
    db,
    viewer,
    (work) => {
      declared = work.effects;
      return command(work, input);
    },
    options,
  );
  performed.push(declared!.list());
  return result;
}

/** The effects of every unit `perform` committed in this test file, in order. */
export function performedEffects(): Effect[][] {
  return performed;
}

/** A unit around a transaction a test opened itself: its effects are dropped, as a script's are. */
export function unitOf(tx: Tx, now: Date = new Date()): Work<null> {
  return { tx, viewer: null, now, effects: new Effects() };
}
