import type { Dispatcher, Effect } from "@/lib/effects";

/** Keeps every effect dispatched, in order, and passes it on to the engine under test. */
export function recordingDispatcher(inner: Dispatcher): Dispatcher & { dispatched: Effect[][] } {
  const dispatched: Effect[][] = [];
  return {
    name: `recording(${inner.name})`,
    dispatched,
    async dispatch(effects) {
      dispatched.push([...effects]);
      await inner.dispatch(effects);
    },
  };
}
