import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

const APP_URL = "https://baton.example.com";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeCallbackUrl("/cases/42?tab=tasks", APP_URL)).toBe("/cases/42?tab=tasks");
    expect(safeCallbackUrl("/calendar?view=week#today", APP_URL)).toBe("/calendar?view=week#today");
  });

  it("reduces an absolute URL on APP_URL's origin to its path, query and fragment", () => {
    expect(safeCallbackUrl("https://baton.example.com/tasks/7?x=1#c", APP_URL)).toBe("/tasks/7?x=1#c");
    expect(safeCallbackUrl("HTTPS://BATON.EXAMPLE.COM:443/tasks", APP_URL)).toBe("/tasks");
  });

  const hostile: [string, unknown][] = [
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with path", "//evil.example/tasks"],
    ["slash backslash", "/\\evil.example"],
    ["double backslash", "\\\\evil.example"],
    ["backslash later in the path", "/tasks\\..\\\\evil.example"],
    ["tab inside the path", "/\t/evil.example"],
    ["encoded tab", "/%09/evil.example"],
    ["newline inside the path", "/\n/evil.example"],
    ["carriage return", "/\r/evil.example"],
    ["encoded newline", "/tasks%0a"],
    ["NUL", "/tasks\u0000"],
    ["DEL", "/tasks\u007f"],
    ["C1 control", "/tasks\u0085"],
    ["line separator", "/tasks\u2028"],
    ["leading space", " //evil.example"],
    ["another origin", "https://evil.example"],
    ["another origin with our host as user", "https://baton.example.com@evil.example/"],
    ["credentials on our origin", "https://user:pw@baton.example.com/tasks"],
    ["our host on another port", "https://baton.example.com:8443/tasks"],
    ["our host over http", "http://baton.example.com/tasks"],
    ["look-alike host", "https://baton.example.com.evil.example/tasks"],
    ["scheme without slashes", "http:evil.example"],
    ["javascript", "javascript:alert(1)"],
    ["JavaScript mixed case", "JaVaScRiPt:alert(1)"],
    ["data URL", "data:text/html,<script>alert(1)</script>"],
    ["login page", "/login"],
    ["login page with query", "/login?callbackUrl=%2F%2Fevil.example"],
    ["login page, absolute", "https://baton.example.com/login"],
    ["dot segments to login", "/tasks/../login"],
    ["empty", ""],
    ["too long", `/${"a".repeat(3000)}`],
    ["undefined", undefined],
    ["a number", 5],
    ["an array", ["/tasks"]],
  ];

  it.each(hostile)("refuses %s", (_label, value) => {
    expect(safeCallbackUrl(value, APP_URL)).toBe("/tasks");
  });

  it("never returns anything that a browser would send to another origin", () => {
    for (const [, value] of hostile) {
      const result = safeCallbackUrl(value, APP_URL);
      expect(new URL(result, APP_URL).origin).toBe(APP_URL);
      expect(result.startsWith("/") && !result.startsWith("//")).toBe(true);
    }
  });

  it("reads a same-scheme value without slashes the way a browser does: a path here", () => {
    expect(safeCallbackUrl("https:evil.example", APP_URL)).toBe("/evil.example");
  });

  it("reads APP_URL when no origin is given", () => {
    expect(safeCallbackUrl("http://localhost:3000/tasks/1")).toBe("/tasks/1");
  });
});
