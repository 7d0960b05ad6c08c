import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeCallbackUrl("/cases/42?tab=tasks")).toBe("/cases/42?tab=tasks");
  });
  it("refuses other sites and odd values", () => {
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/login", undefined, 5]) {
      expect(safeCallbackUrl(bad)).toBe("/tasks");
    }
  });
});
