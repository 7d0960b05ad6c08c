import { describe, expect, it } from "vitest";
import { boardTargets } from "./board-moves";
import type { TaskRelation } from "./policy";
import { TASK_STATUSES } from "./schema";

const none: TaskRelation = { isAdmin: false, isCreator: false, isAssignee: false, aboveAssignee: false, aboveCreator: false };
const task = (status: (typeof TASK_STATUSES)[number], needsAcceptance = false) => ({ status, needsAcceptance, assigneeId: "a", createdById: "c" });

describe("where a board card may go", () => {
  it("lets the assignee work it through, to acceptance when the delegator asked for it", () => {
    const assignee = { ...none, isAssignee: true };
    expect(boardTargets(assignee, task("open"), TASK_STATUSES)).toEqual(["in_progress", "done"]);
    expect(boardTargets(assignee, task("in_progress", true), TASK_STATUSES)).toEqual(["open", "awaiting_acceptance"]);
    expect(boardTargets(assignee, task("awaiting_acceptance", true), TASK_STATUSES)).toEqual([]);
    expect(boardTargets(assignee, task("done"), TASK_STATUSES)).toEqual([]);
  });

  it("lets the delegator accept, cancel and reopen, never work it or send it back from the board", () => {
    const delegator = { ...none, isCreator: true };
    expect(boardTargets(delegator, task("open"), TASK_STATUSES)).toEqual(["cancelled"]);
    expect(boardTargets(delegator, task("awaiting_acceptance", true), TASK_STATUSES)).toEqual(["done", "cancelled"]);
    expect(boardTargets(delegator, task("cancelled"), TASK_STATUSES)).toEqual(["open"]);
  });

  it("offers a manager above the assignee nothing, and only the columns shown", () => {
    expect(boardTargets({ ...none, aboveAssignee: true }, task("open"), TASK_STATUSES)).toEqual([]);
    expect(boardTargets({ ...none, isAdmin: true }, task("open"), ["open", "in_progress", "awaiting_acceptance", "done"])).toEqual([]);
  });
});
