import { describe, expect, it } from "vitest";
import { PASSWORD_CHANGE_PATH, passwordChangeGate } from "./password-change-gate";

describe("passwordChangeGate (a person who must replace an admin's password)", () => {
  it("lets them reach the change page and sign out", () => {
    expect(passwordChangeGate(PASSWORD_CHANGE_PATH, "GET")).toBe("pass");
    expect(passwordChangeGate(PASSWORD_CHANGE_PATH, "POST")).toBe("pass");
    expect(passwordChangeGate("/api/auth/signout", "POST")).toBe("pass");
  });

  it("sends every other page to the change page", () => {
    for (const path of ["/", "/tasks", "/tasks/1", "/settings/profile", "/change-passwords", "/change-password-x"]) {
      expect(passwordChangeGate(path, "GET")).toBe("redirect");
    }
  });

  it("refuses every other API route, whatever the method", () => {
    for (const method of ["GET", "POST", "DELETE"]) {
      expect(passwordChangeGate("/api/notifications", method)).toBe("refuse");
      expect(passwordChangeGate("/api/notifications/snooze", method)).toBe("refuse");
      expect(passwordChangeGate("/api/authx", method)).toBe("refuse");
    }
  });

  it("leaves server actions on other pages to their action, which refuses the person", () => {
    expect(passwordChangeGate("/tasks", "POST")).toBe("pass");
  });
});
