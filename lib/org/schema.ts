import { toE164 } from "@/lib/phone/display";
import { z } from "zod";
import { lineString } from "@/lib/action/fields";
import { DATE_FORMATS } from "@/lib/i18n/format-for";
import { LANGUAGES, ROLES, WORKING_MODES } from "./vocabulary";

export { LANGUAGES, ROLES, WORKING_MODES, type Role, type WorkingMode } from "./vocabulary";

// The same minimum as lib/auth/password.ts (checked by a unit test); importing it from there
// would pull the argon2 native module into the browser bundle of the forms.
export const MIN_PASSWORD_LENGTH = 10;

// Numbers are typed the way people say them ("601 234 567"); without a country prefix they are Polish.

let timeZones: ReadonlySet<string> | undefined;
/** The IANA zones this runtime knows, the same list the forms offer. */
export function supportedTimeZones(): string[] {
  return Intl.supportedValuesOf("timeZone");
}
/**
 * A zone from the runtime's list, or a current IANA name that the list knows under its older
 * canonical spelling (ICU lists "Europe/Kiev" and "Asia/Calcutta", people type "Europe/Kyiv"
 * and "Asia/Kolkata"). Stored as typed.
 */
export function isTimeZone(value: string): boolean {
  timeZones ??= new Set(supportedTimeZones());
  if (timeZones.has(value)) return true;
  try {
    return timeZones.has(new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone);
  } catch {
    return false;
  }
}

const name = lineString().trim().min(1, "required").max(200, "tooLong");
export const email = lineString().trim().toLowerCase().min(1, "required").max(320, "tooLong").pipe(z.email("invalidEmail"));
const optionalText = lineString()
  .trim()
  .max(200, "tooLong")
  .nullish()
  .transform((v) => v || null);
const phone = lineString()
  .trim()
  .max(40, "invalidPhone")
  .nullish()
  .transform((v, ctx) => {
    if (!v) return null;
    const e164 = toE164(v);
    if (!e164) {
      ctx.addIssue({ code: "custom", message: "invalidPhone" });
      return z.NEVER;
    }
    return e164;
  });
const timeZone = lineString().trim().min(1, "required").refine(isTimeZone, "invalidTimeZone");
/** A select whose empty option means "none". */
const optionalId = z
  .union([z.uuid("invalidInput"), z.literal("")])
  .nullish()
  .transform((v) => v || null);
const id = z.uuid("notFound");
/** The rule for every new password, whoever sets it (an admin, the person, a reset link). */
export const newPassword = lineString().min(MIN_PASSWORD_LENGTH, "passwordTooShort").max(1024, "tooLong");

const userFields = {
  name,
  email,
  phone,
  role: z.enum(ROLES),
  title: optionalText,
  departmentId: optionalId,
  teamIds: z.array(z.uuid("invalidInput")).max(100).default([]),
  supervisorId: optionalId,
  timeZone,
  locale: z.enum(LANGUAGES),
  workingMode: z.enum(WORKING_MODES),
  active: z.boolean(),
};

export const createUserInput = z.object({ ...userFields, password: newPassword });
export type CreateUserInput = z.output<typeof createUserInput>;

export const updateUserInput = z.object({
  ...userFields,
  id,
  // Left empty, the password stays as it is.
  newPassword: z
    .union([newPassword, z.literal("")])
    .nullish()
    .transform((v) => v || null),
});
export type UpdateUserInput = z.output<typeof updateUserInput>;

export const userFilters = z.object({
  q: lineString().trim().max(200).optional().catch(undefined),
  departmentId: z.uuid().optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  active: z.enum(["active", "inactive"]).optional().catch(undefined),
});
export type UserFilters = z.output<typeof userFilters>;

export const departmentInput = z.object({ name: name.max(120, "tooLong") });
export const renameDepartmentInput = z.object({ id, name: name.max(120, "tooLong") });
export const teamInput = z.object({ departmentId: id, name: name.max(120, "tooLong") });
export const renameTeamInput = z.object({ id, name: name.max(120, "tooLong") });
export const idInput = z.object({ id });

/** What a person may change about themself; role, department, supervisor, e-mail and status are the admin's. */
export const profileInput = z.object({
  name,
  phone,
  timeZone,
  locale: z.enum(LANGUAGES),
  // Left out, the date format stays as it is.
  dateFormat: z.enum(DATE_FORMATS).optional(),
  workingMode: z.enum(WORKING_MODES),
});
export type ProfileInput = z.output<typeof profileInput>;

export const changePasswordInput = z
  .object({
    currentPassword: lineString().min(1, "required").max(1024, "tooLong"),
    newPassword,
    confirmPassword: lineString(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "settings.errors.passwordMismatch" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "settings.errors.samePassword" });
export type ChangePasswordInput = z.output<typeof changePasswordInput>;

export const sendPhoneCodeInput = z.object({});
export const verifyPhoneInput = z.object({
  code: lineString()
    .trim()
    .regex(/^\d{6}$/, "settings.errors.codeFormat"),
});
