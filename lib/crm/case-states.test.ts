import { describe, expect, it } from "vitest";
import { caseKind, caseStatus, priority } from "@/db/schema";
import { CASE_KINDS, CASE_STATUSES, PRIORITIES, isCaseOverdue, isStatusAllowedForKind, statusesForKind } from "./case-states";

describe("case states", () => {
  it("match the database enums", () => {
    expect([...CASE_KINDS]).toEqual(caseKind.enumValues);
    expect([...CASE_STATUSES]).toEqual(caseStatus.enumValues);
    expect([...PRIORITIES]).toEqual(priority.enumValues);
  });

  it("offer the outcomes that fit each kind", () => {
    expect(statusesForKind("sales_opportunity")).toEqual(["new", "in_progress", "waiting", "won", "lost", "closed"]);
    expect(statusesForKind("service_request")).toEqual(["new", "in_progress", "waiting", "resolved", "closed"]);
    expect(isStatusAllowedForKind("service_request", "won")).toBe(false);
    expect(isStatusAllowedForKind("quote_request", "resolved")).toBe(false);
    expect(isStatusAllowedForKind("quote_request", "won")).toBe(true);
  });

  it("call only open cases past their due moment overdue", () => {
    const now = new Date("2026-03-29T10:00:00Z");
    expect(isCaseOverdue({ status: "in_progress", dueAt: new Date("2026-03-29T09:59:00Z") }, now)).toBe(true);
    expect(isCaseOverdue({ status: "waiting", dueAt: new Date("2026-03-29T10:01:00Z") }, now)).toBe(false);
    expect(isCaseOverdue({ status: "won", dueAt: new Date("2026-03-01T00:00:00Z") }, now)).toBe(false);
    expect(isCaseOverdue({ status: "new", dueAt: null }, now)).toBe(false);
  });
});
