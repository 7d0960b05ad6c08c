import { describe, expect, it } from "vitest";
import { MIN_PASSWORD_LENGTH as AUTH_MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { displayPhone, toE164 } from "@/lib/phone/display";
import { changePasswordInput, createUserInput, MIN_PASSWORD_LENGTH, profileInput, updateUserInput, userFilters } from "./schema";

const base = {
  name: "  Anna Kowalska ",
  email: " Anna.Kowalska@Polmet.Example ",
  phone: "601 234 567",
  role: "member",
  title: "",
  departmentId: "",
  teamIds: [],
  supervisorId: "",
  timeZone: "Europe/Warsaw",
  locale: "pl",
  workingMode: "office",
  active: true,
  password: "long enough secret",
} as const;

function errorsOf(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("toE164", () => {
  it("reads numbers the way people type them, Polish by default", () => {
    expect(toE164("601 234 567")).toBe("+48601234567");
    expect(toE164("+48 601-234-567")).toBe("+48601234567");
    expect(toE164("0048 601 234 567")).toBe("+48601234567");
    expect(toE164("+49 151 12345678")).toBe("+4915112345678");
  });

  it("shows a stored number grouped, and reads it back unchanged", () => {
    expect(displayPhone("+48601234567")).toBe("+48 601 234 567");
    expect(toE164(displayPhone("+4915112345678") ?? "")).toBe("+4915112345678");
    expect(displayPhone(null)).toBeNull();
  });

  it("refuses what is not a phone number", () => {
    expect(toE164("123")).toBeNull();
    expect(toE164("call me")).toBeNull();
    expect(toE164("601 234 567 890 123")).toBeNull();
  });
});

describe("createUserInput", () => {
  it("normalises: trimmed name, lower-case e-mail, E.164 phone, empty choices as null", () => {
    const parsed = createUserInput.parse(base);
    expect(parsed).toMatchObject({
      name: "Anna Kowalska",
      email: "anna.kowalska@polmet.example",
      phone: "+48601234567",
      title: null,
      departmentId: null,
      supervisorId: null,
    });
  });

  it("names each bad field with a message key", () => {
    const result = createUserInput.safeParse({ ...base, name: " ", email: "not-an-email", phone: "12", timeZone: "Europe/Gotham", password: "short" });
    expect(errorsOf(result)).toEqual({
      name: "required",
      email: "invalidEmail",
      phone: "invalidPhone",
      timeZone: "invalidTimeZone",
      password: "passwordTooShort",
    });
  });

  it("accepts zones from the runtime's list and their current IANA names, and an empty phone", () => {
    expect(createUserInput.parse({ ...base, timeZone: "America/Buenos_Aires", phone: "" }).phone).toBeNull();
    expect(createUserInput.parse({ ...base, timeZone: "Europe/Kyiv" }).timeZone).toBe("Europe/Kyiv");
    expect(createUserInput.safeParse({ ...base, timeZone: "Mars/Olympus_Mons" }).success).toBe(false);
  });
});

describe("updateUserInput", () => {
  it("treats an empty new password as no change and a short one as an error", () => {
    const id = "6f1c1a64-3b7e-4b43-9a55-2b0a4d9c1e11";
    const { password: _p, ...fields } = base;
    expect(updateUserInput.parse({ ...fields, id, newPassword: "" }).newPassword).toBeNull();
    expect(errorsOf(updateUserInput.safeParse({ ...fields, id, newPassword: "short" }))).toEqual({ newPassword: "passwordTooShort" });
  });
});

describe("profileInput", () => {
  it("carries only the fields a person may change on themself", () => {
    const parsed = profileInput.parse({ ...base, role: "admin", active: false, email: "x@y.example" });
    expect(Object.keys(parsed).sort()).toEqual(["locale", "name", "phone", "timeZone", "workingMode"]);
  });
});

describe("changePasswordInput", () => {
  it("wants the new password twice, different from the current one", () => {
    expect(
      errorsOf(changePasswordInput.safeParse({ currentPassword: "old password 1", newPassword: "new password 12", confirmPassword: "new password 13" })),
    ).toEqual({
      confirmPassword: "settings.errors.passwordMismatch",
    });
    expect(
      errorsOf(changePasswordInput.safeParse({ currentPassword: "same password 1", newPassword: "same password 1", confirmPassword: "same password 1" })),
    ).toEqual({
      newPassword: "settings.errors.samePassword",
    });
    expect(
      changePasswordInput.safeParse({ currentPassword: "old password 1", newPassword: "new password 12", confirmPassword: "new password 12" }).success,
    ).toBe(true);
  });
});

describe("password length", () => {
  it("is the same minimum sign-in uses", () => {
    expect(MIN_PASSWORD_LENGTH).toBe(AUTH_MIN_PASSWORD_LENGTH);
  });
});

describe("userFilters", () => {
  it("ignores filters that do not parse instead of failing the page", () => {
    expect(userFilters.parse({ q: " nowak ", departmentId: "nope", role: "king", active: "inactive" })).toEqual({ q: "nowak", active: "inactive" });
  });
});
