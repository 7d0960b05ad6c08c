import type { Db, Tx } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import { now as clockNow } from "@/lib/time/clock";
import { dispatchAfterCommit, Effects } from ".";

/**
 * What a command that changes state runs in: one transaction, the person it runs for (null for
 * a job or the system), one instant for every timestamp it writes, and the effects it declares
 * for after commit. Commands take `(work, input)` and never open a transaction of their own
 * (a nested need takes a savepoint with `work.tx.transaction`).
 */
export interface Work<V = Viewer> {
  tx: Tx;
  viewer: V;
  /** The unit's clock: read once from lib/time/clock.ts when the unit starts, unless given. */
  now: Date;
  effects: Effects;
}

/** A unit run by a job or the system on nobody's behalf. */
export type SystemWork = Work<null>;

export interface UnitOptions {
  /** The unit's instant; by default the clock's now() (which honours the test clock). */
  now?: Date;
  /**
   * Wait for the dispatcher before returning (job bodies, whose run must not end before the
   * events are out). A person's request does not wait: the default.
   */
  awaitDispatch?: boolean;
}

/**
 * A refusal the person must see although what the command wrote until then stays: a counted
 * wrong guess, a counted attempt over a limit. The unit commits, dispatches, and rethrows it.
 */
export class CommittedRefusal extends Error {
  constructor(readonly refusal: Error) {
    super(refusal.message);
    this.name = "CommittedRefusal";
  }
}

/** Keeps what the unit wrote and still refuses with `refusal` (see CommittedRefusal). */
export function refuseAfterCommit(refusal: Error): never {
  throw new CommittedRefusal(refusal);
}

/**
 * Runs `fn` as one unit of work: opens the transaction, creates the effects, commits, and then
 * hands the effects to the one dispatcher. A throw rolls everything back and dispatches nothing.
 */
export async function runUnit<V extends Viewer | null, T>(db: Db, viewer: V, fn: (work: Work<V>) => Promise<T>, options: UnitOptions = {}): Promise<T> {
  const effects = new Effects();
  const now = options.now ?? clockNow();
  let refusal: Error | undefined;
  const result = await db.transaction(async (tx) => {
    try {
      return await fn({ tx, viewer, now, effects });
    } catch (error) {
      if (!(error instanceof CommittedRefusal)) throw error;
      refusal = error.refusal;
      return undefined;
    }
  });
  const dispatched = dispatchAfterCommit(effects);
  if (options.awaitDispatch) await dispatched;
  if (refusal) throw refusal;
  return result as T;
}
