import { toE164 } from "@/lib/phone/display";
import { z } from "zod";
import { CASE_KINDS, CASE_STATUSES, PRIORITIES, isStatusAllowedForKind, type CaseKind, type CaseStatus } from "./case-states";
import { lineString, optionalParagraph, optionalRef, optionalText, optionalWallClock, requiredText } from "@/lib/action/fields";

// Messages are translation keys: bare ones live under "errors", "crm.errors.*" in crm.json.

const optionalEmail = optionalText(254).pipe(z.email("invalidEmail").nullable());

/** Phone numbers are kept in E.164; a number typed without a country code is Polish. */
const optionalPhone = optionalText(40).transform((v, ctx) => {
  if (v === null) return null;
  const e164 = toE164(v);
  if (!e164) {
    ctx.addIssue({ code: "custom", message: "invalidPhone" });
    return z.NEVER;
  }
  return e164;
});

/**
 * NIP and foreign VAT numbers, stored without spaces or dashes so "676-245-12-30" finds
 * "6762451230". The checksum is not enforced: imported records often carry unverified numbers.
 */
const optionalTaxId = optionalText(40)
  .transform((v) => (v === null ? null : v.replace(/[\s.-]/g, "").toUpperCase()))
  .refine((v) => v === null || /^[A-Z]{0,3}[0-9A-Z]{5,17}$/.test(v), "crm.errors.invalidTaxId");

/** A reference to another row chosen in a form; anything that is not an id cannot exist. */
const ref = (notFoundKey: string) => lineString("required").trim().min(1, "required").pipe(z.uuid(notFoundKey));

const clientFields = z.object({
  name: requiredText(200),
  taxId: optionalTaxId,
  email: optionalEmail,
  phone: optionalPhone,
  city: optionalText(100),
  address: optionalText(300),
  notes: optionalParagraph(5000),
  accountManagerId: optionalRef("crm.errors.accountManagerNotFound"),
});

export const createClientInput = clientFields;
export const updateClientInput = clientFields.extend({ id: z.uuid("clientNotFound") });

const contactFields = z.object({
  name: requiredText(200),
  position: optionalText(200),
  email: optionalEmail,
  phone: optionalPhone,
});

export const addContactInput = contactFields.extend({ clientId: z.uuid("clientNotFound") });
export const updateContactInput = contactFields.extend({ id: z.uuid("crm.errors.contactNotFound") });
export const removeContactInput = z.object({ id: z.uuid("crm.errors.contactNotFound") });

const caseFields = z.object({
  kind: z.enum(CASE_KINDS, "crm.errors.invalidKind"),
  title: requiredText(300),
  description: optionalParagraph(10_000),
  status: z.enum(CASE_STATUSES, "crm.errors.invalidStatus").default("new"),
  priority: z.enum(PRIORITIES, "crm.errors.invalidPriority").default("normal"),
  ownerId: ref("ownerNotFound"),
  clientId: ref("clientNotFound"),
  dueAt: optionalWallClock,
});

function statusFitsKind(value: { kind: CaseKind; status: CaseStatus }, ctx: z.RefinementCtx) {
  if (!isStatusAllowedForKind(value.kind, value.status)) {
    ctx.addIssue({ code: "custom", path: ["status"], message: "crm.errors.statusNotForKind" });
  }
}

export const createCaseInput = caseFields.superRefine(statusFitsKind);
export const updateCaseInput = caseFields.extend({ id: z.uuid("caseNotFound") }).superRefine(statusFitsKind);
export const changeCaseStatusInput = z.object({
  id: z.uuid("caseNotFound"),
  status: z.enum(CASE_STATUSES, "crm.errors.invalidStatus"),
});

export const reassignCaseInput = z.object({
  id: z.uuid("caseNotFound"),
  ownerId: ref("ownerNotFound"),
});

/** A right's scope as one choice of a select: "kind:service_request" or "department:<id>". */
const rightScope = lineString("required").transform((value, ctx) => {
  const [type, rest] = [value.slice(0, value.indexOf(":")), value.slice(value.indexOf(":") + 1)];
  if (type === "kind" && (CASE_KINDS as readonly string[]).includes(rest)) return { kind: rest as CaseKind, departmentId: null };
  if (type === "department" && z.uuid().safeParse(rest).success) return { kind: null, departmentId: rest };
  ctx.addIssue({ code: "custom", message: "crm.errors.invalidRightScope" });
  return z.NEVER;
});

export const grantCaseAssignRightInput = z.object({ userId: z.uuid("notFound"), scope: rightScope });
export const revokeCaseAssignRightInput = z.object({ id: z.uuid("notFound") });

export type CreateClientInput = z.output<typeof createClientInput>;
export type UpdateClientInput = z.output<typeof updateClientInput>;
export type ClientFormValues = z.input<typeof createClientInput>;
export type AddContactInput = z.output<typeof addContactInput>;
export type UpdateContactInput = z.output<typeof updateContactInput>;
export type CreateCaseInput = z.output<typeof createCaseInput>;
export type UpdateCaseInput = z.output<typeof updateCaseInput>;
export type CaseFormValues = z.input<typeof createCaseInput>;
export type ChangeCaseStatusInput = z.output<typeof changeCaseStatusInput>;
export type ReassignCaseInput = z.output<typeof reassignCaseInput>;
export type GrantCaseAssignRightInput = z.output<typeof grantCaseAssignRightInput>;

// List filters come from the URL: anything unexpected falls back to "no filter" instead of failing.
const param = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v), schema);
// A search with control characters in it finds nothing worth showing: it falls back to no filter too.
const searchText = param(lineString().trim().max(100).catch("")).catch("");
const idOrEmpty = param(z.uuid().catch("")).catch("");
const page = param(z.coerce.number().int().min(1).max(100_000).catch(1)).catch(1);
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => param(z.enum(values).optional().catch(undefined)).catch(undefined);

export const clientListFilters = z.object({
  q: searchText,
  city: searchText,
  manager: idOrEmpty,
  page,
});
export type ClientListFilters = z.output<typeof clientListFilters>;

export const caseListFilters = z.object({
  q: searchText,
  kind: oneOf(CASE_KINDS),
  // "open" unless the person asks for everything or one status.
  status: param(z.enum(["open", "all", ...CASE_STATUSES]).catch("open")).catch("open"),
  priority: oneOf(PRIORITIES),
  owner: param(
    z
      .union([z.literal("mine"), z.uuid()])
      .optional()
      .catch(undefined),
  ).catch(undefined),
  client: idOrEmpty,
  page,
});
export type CaseListFilters = z.output<typeof caseListFilters>;
