/**
 * What a command asks to happen once its transaction has committed, as plain data. A command
 * receives the `Effects` of the unit of work it runs in and declares on it; whoever ran the
 * command (the action wrapper, a route handler, a job) hands the list to the dispatcher after
 * commit. Nothing here knows a domain or a job engine.
 */
import type { TimelineItemType } from "@/db/schema";

export type ScheduleItem = {
  /** One of the timelines' item types (a task, a calendar entry). */
  type: TimelineItemType;
  id: string;
  version: number;
  /** Distinguishes a new run for the same version (a snooze) from a resent event. */
  reason?: string;
};

/** A notification the outbox sweep hands back for another delivery, with its re-announcement number. */
export interface Redelivery {
  id: string;
  dispatch: number;
}

export type Effect = { kind: "notify"; ids: string[] } | { kind: "redeliver"; notifications: Redelivery[] } | { kind: "schedule"; item: ScheduleItem };

export class Effects {
  private readonly notified: string[] = [];
  private readonly redelivered: Redelivery[] = [];
  private readonly scheduled: ScheduleItem[] = [];

  /** Notifications written to the outbox, to be delivered. */
  notify(ids: readonly string[]): void {
    this.notified.push(...ids);
  }

  /** Notifications no run completed, announced again (the number keeps the event id new). */
  redeliver(items: readonly Redelivery[]): void {
    this.redelivered.push(...items);
  }

  /** An item whose timeline changed: only its newest version needs a run. */
  schedule(item: ScheduleItem): void {
    const same = this.scheduled.findIndex((s) => s.type === item.type && s.id === item.id);
    if (same >= 0) this.scheduled.splice(same, 1);
    this.scheduled.push(item);
  }

  list(): Effect[] {
    const out: Effect[] = [];
    if (this.notified.length) out.push({ kind: "notify", ids: [...this.notified] });
    if (this.redelivered.length) out.push({ kind: "redeliver", notifications: [...this.redelivered] });
    for (const item of this.scheduled) out.push({ kind: "schedule", item });
    return out;
  }
}

/**
 * Runs effects: the Inngest engine (inngest/dispatcher.ts) or the in-process engine
 * (lib/jobs/in-process.ts), chosen once at start. `dispatch` never throws and is bounded in
 * time: an effect it loses is repaired by the outbox sweep and the reconcile.
 */
export interface Dispatcher {
  readonly name: string;
  dispatch(effects: readonly Effect[]): Promise<void>;
}

// On globalThis: Next bundles instrumentation and the route handlers separately, and both must
// see the one dispatcher registered at start.
const slot = globalThis as { __batonDispatcher?: Dispatcher };

const unregistered: Dispatcher = {
  name: "none",
  // Scripts and benchmarks that register nothing: the sweep and the reconcile still catch up.
  async dispatch() {},
};

export function setDispatcher(next: Dispatcher | undefined): void {
  slot.__batonDispatcher = next;
}

export function dispatcher(): Dispatcher {
  return slot.__batonDispatcher ?? unregistered;
}

/** Hands committed effects to the dispatcher without making the caller wait for or fail by it. */
export function dispatchAfterCommit(effects: Effects): Promise<void> {
  const list = effects.list();
  if (!list.length) return Promise.resolve();
  return dispatcher()
    .dispatch(list)
    .catch((error: unknown) => console.error("[effects] dispatch failed; the sweep and the reconcile will catch up", error));
}

/** Bounds a send that a silent server could leave pending forever (see STACK-NOTES). */
export async function withinTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
