import { describe, expect, it } from "vitest";
import { permissionsFor, statusWhenDone, workTransition, type TaskRelation, type TaskState } from "./policy";

const none: TaskRelation = { isAdmin: false, isCreator: false, isAssignee: false, aboveAssignee: false, aboveCreator: false };
const as = (r: Partial<TaskRelation>) => ({ ...none, ...r });
const open: TaskState = { status: "open", needsAcceptance: false, assigneeId: "a", createdById: "c" };

describe("permissionsFor", () => {
  const matrix: Array<[string, TaskRelation, Record<string, boolean>]> = [
    ["creator", as({ isCreator: true }), { see: true, editDetails: true, editReminders: true, reassign: true, work: false, comment: true, cancel: true }],
    ["assignee", as({ isAssignee: true }), { see: true, editDetails: false, editReminders: true, reassign: false, work: true, comment: true, cancel: false }],
    [
      "above the assignee",
      as({ aboveAssignee: true }),
      { see: true, editDetails: false, editReminders: false, reassign: true, work: false, comment: true, cancel: false },
    ],
    [
      "above the creator",
      as({ aboveCreator: true }),
      { see: true, editDetails: false, editReminders: false, reassign: false, work: false, comment: true, cancel: false },
    ],
    ["admin", as({ isAdmin: true }), { see: true, editDetails: true, editReminders: true, reassign: true, work: false, comment: true, cancel: true }],
    ["stranger", none, { see: false, editDetails: false, editReminders: false, reassign: false, work: false, comment: false, cancel: false }],
  ];
  it.each(matrix)("%s", (_who, relation, expected) => {
    expect(permissionsFor(relation, open)).toMatchObject(expected);
  });

  it("offers acceptance only to the delegator of a task waiting for it, and reopening only of closed tasks", () => {
    const waiting = { ...open, status: "awaiting_acceptance" as const, needsAcceptance: true };
    expect(permissionsFor(as({ isCreator: true }), waiting)).toMatchObject({ decide: true, reopen: false });
    expect(permissionsFor(as({ isAdmin: true }), waiting)).toMatchObject({ decide: false });
    expect(permissionsFor(as({ isAssignee: true }), waiting)).toMatchObject({ work: false });
    expect(permissionsFor(as({ isCreator: true }), { ...open, status: "done" })).toMatchObject({ reopen: true, cancel: false, reassign: false });
  });
});

describe("workTransition", () => {
  it("sends done to acceptance only when someone else delegated the task with acceptance", () => {
    expect(workTransition({ ...open, needsAcceptance: true }, "done")).toBe("awaiting_acceptance");
    expect(workTransition(open, "done")).toBe("done");
    expect(statusWhenDone({ needsAcceptance: true, assigneeId: "x", createdById: "x" })).toBe("done");
  });
  it("refuses moves on closed and waiting tasks", () => {
    expect(() => workTransition({ ...open, status: "done" }, "in_progress")).toThrow("tasks.errors.closed");
    expect(() => workTransition({ ...open, status: "cancelled" }, "done")).toThrow("tasks.errors.closed");
    expect(() => workTransition({ ...open, status: "awaiting_acceptance" }, "open")).toThrow("tasks.errors.awaitingAcceptance");
  });
});
