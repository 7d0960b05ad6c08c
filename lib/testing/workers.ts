import { availableParallelism } from "node:os";

/**
 * How many test files run at once. Vitest's default (one less than the cores) is a single worker
 * on a 2-core machine, where integration files mostly wait on Postgres: two keep both cores busy.
 */
export const TEST_WORKERS = Math.max(2, Math.min(4, availableParallelism() - 1));

/** The database of one worker of an integration run: files of one worker run one after another. */
export function workerDatabaseName(runDatabase: string, poolId: number): string {
  return `${runDatabase}_w${poolId}`;
}

/** This worker's copy of the run's database (global-setup.ts made one per worker). */
export function workerDatabaseUrl(runUrl: string): string {
  const url = new URL(runUrl);
  url.pathname = `/${workerDatabaseName(url.pathname.slice(1), Number(process.env.VITEST_POOL_ID ?? 1))}`;
  return url.toString();
}
