import { inngest } from "@/inngest/client";
import { functionRuntime } from "@/inngest/runtime";
import { createDueInstancesJob } from "@/lib/tasks/repeat-instances";
import { now } from "@/lib/time/clock";

/**
 * Every minute: the next instance of every repeating task whose moment has come. The job locks
 * each series and a unique key refuses a second instance for one moment, so a retried or
 * overlapping run creates nothing twice.
 */
export const createTaskInstancesFn = inngest.createFunction(
  { id: "create-task-instances", triggers: [{ cron: "* * * * *" }], concurrency: 1 },
  async ({ step }) => {
    const rt = await functionRuntime();
    return step.run("create-instances", () => createDueInstancesJob(rt.db, now()));
  },
);
