import type { DbHandle } from "../db";

export interface BenchContext {
  handle: DbHandle;
  /** Arguments after the benchmark's name, e.g. `npm run bench -- delegated --tasks 20000`. */
  args: string[];
  log: (line: string) => void;
}

/** A benchmark seeds what it needs, measures, prints its figures and returns them. */
export type Benchmark = (ctx: BenchContext) => Promise<Record<string, number | string | boolean>>;

export function numberArg(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(args[i + 1]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a non-negative number`);
  return value;
}
