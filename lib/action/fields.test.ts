import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as crm from "@/lib/crm/schema";
import * as notify from "@/lib/notify/schema";
import * as org from "@/lib/org/schema";
import * as reminders from "@/lib/reminders/schema";
import * as tasks from "@/lib/tasks/schema";
import { lineString, paragraphString } from "./fields";

const REFUSED = {
  NUL: "\u0000",
  TAB: "\t",
  CR: "\r",
  LF: "\n",
  ESC: "\u001b",
  DEL: "\u007f",
  "C1 NEL": "\u0085",
  "C1 CSI": "\u009b",
  "right-to-left override": "\u202e",
  "left-to-right embedding": "\u202a",
  "first strong isolate": "\u2068",
  "pop directional isolate": "\u2069",
  "zero-width space": "\u200b",
  "right-to-left mark": "\u200f",
  "arabic letter mark": "\u061c",
  "word joiner": "\u2060",
  "byte order mark": "\ufeff",
  "line separator": "\u2028",
  "paragraph separator": "\u2029",
  "lone high surrogate": "\ud800",
  "lone low surrogate": "\udc00",
};

describe("lineString", () => {
  for (const [name, ch] of Object.entries(REFUSED)) {
    it(`refuses ${name} with a translated field error`, () => {
      const r = lineString().safeParse(`Przegląd${ch}pieca`);
      expect(r.success).toBe(false);
      expect(r.error?.issues.map((i) => i.message)).toEqual(["controlCharacters"]);
    });
  }
  it("keeps letters of every script, emoji and the joiners those need", () => {
    for (const ok of ["Zażółć gęślą jaźń", "Schmidt GmbH & Co. KG", "👨‍👩‍👧 rodzina", "می‌خواهم", "क्‍ष", "😀", "+48 601 234 567"]) {
      expect(lineString().safeParse(ok)).toEqual({ success: true, data: ok });
    }
  });
});

describe("paragraphString", () => {
  it("keeps line breaks as LF and tabs", () => {
    expect(paragraphString().parse("Linia 1\r\nLinia 2\rLinia 3\n\tpunkt")).toBe("Linia 1\nLinia 2\nLinia 3\n\tpunkt");
  });
  for (const [name, ch] of Object.entries(REFUSED).filter(([n]) => !["TAB", "CR", "LF"].includes(n))) {
    it(`refuses ${name}`, () => {
      expect(
        paragraphString()
          .safeParse(`Opis${ch}awarii`)
          .error?.issues.map((i) => i.message),
      ).toEqual(["controlCharacters"]);
    });
  }
});

// Every free-text field of every schema, nested ones included: each refuses a NUL byte with the
// field error, at the field. A new text field belongs here.
const TEXT_FIELDS: [string, z.ZodType, string][] = [
  ...(["name", "taxId", "email", "phone", "city", "address", "notes"] as const).map((f): [string, z.ZodType, string] => [
    "crm.createClientInput",
    crm.createClientInput,
    f,
  ]),
  ...(["name", "taxId", "email", "phone", "city", "address", "notes"] as const).map((f): [string, z.ZodType, string] => [
    "crm.updateClientInput",
    crm.updateClientInput,
    f,
  ]),
  ...(["name", "position", "email", "phone"] as const).map((f): [string, z.ZodType, string] => ["crm.addContactInput", crm.addContactInput, f]),
  ...(["name", "position", "email", "phone"] as const).map((f): [string, z.ZodType, string] => ["crm.updateContactInput", crm.updateContactInput, f]),
  ["crm.createCaseInput", crm.createCaseInput, "title"],
  ["crm.createCaseInput", crm.createCaseInput, "description"],
  ["crm.createCaseInput", crm.createCaseInput, "dueAt"],
  ["crm.updateCaseInput", crm.updateCaseInput, "title"],
  ["crm.updateCaseInput", crm.updateCaseInput, "description"],
  ["tasks.createTaskInput", tasks.createTaskInput, "title"],
  ["tasks.createTaskInput", tasks.createTaskInput, "description"],
  ["tasks.createTaskInput", tasks.createTaskInput, "dueAt"],
  ["tasks.updateTaskInput", tasks.updateTaskInput, "title"],
  ["tasks.updateTaskInput", tasks.updateTaskInput, "description"],
  ["tasks.reassignTaskInput", tasks.reassignTaskInput, "comment"],
  ["tasks.commentInput", tasks.commentInput, "comment"],
  ["tasks.returnTaskInput", tasks.returnTaskInput, "comment"],
  ["tasks.decisionInput", tasks.decisionInput, "comment"],
  ...(["name", "email", "phone", "title", "timeZone", "password"] as const).map((f): [string, z.ZodType, string] => [
    "org.createUserInput",
    org.createUserInput,
    f,
  ]),
  ...(["name", "email", "phone", "title", "timeZone", "newPassword"] as const).map((f): [string, z.ZodType, string] => [
    "org.updateUserInput",
    org.updateUserInput,
    f,
  ]),
  ["org.departmentInput", org.departmentInput, "name"],
  ["org.renameDepartmentInput", org.renameDepartmentInput, "name"],
  ["org.teamInput", org.teamInput, "name"],
  ["org.renameTeamInput", org.renameTeamInput, "name"],
  ...(["name", "phone", "timeZone"] as const).map((f): [string, z.ZodType, string] => ["org.profileInput", org.profileInput, f]),
  ...(["currentPassword", "newPassword", "confirmPassword"] as const).map((f): [string, z.ZodType, string] => [
    "org.changePasswordInput",
    org.changePasswordInput,
    f,
  ]),
  ["notify.preferencesInput", notify.preferencesInput, "quietHours.start"],
  ...(["endpoint", "deviceLabel", "keys.p256dh", "keys.auth"] as const).map((f): [string, z.ZodType, string] => [
    "notify.pushSubscriptionInput",
    notify.pushSubscriptionInput,
    f,
  ]),
  ["notify.pushEndpointInput", notify.pushEndpointInput, "endpoint"],
  ["reminders.escalationSettingsInput", reminders.escalationSettingsInput, "timeZone"],
  ["reminders.escalationSettingsInput", reminders.escalationSettingsInput, "dayStart"],
];

/** `{ a: { b: value } }` for "a.b". */
function inputWith(fieldPath: string, value: string): Record<string, unknown> {
  const keys = fieldPath.split(".");
  const root: Record<string, unknown> = {};
  let at = root;
  for (const key of keys.slice(0, -1)) at = (at[key] = {}) as Record<string, unknown>;
  at[keys.at(-1)!] = value;
  return root;
}

// Long enough for password rules, short enough for every length limit, and otherwise valid text.
const WITH_NUL = "Przegląd pieca\u0000Rational";

describe("every free-text field of every schema", () => {
  it.each(TEXT_FIELDS.map(([name, schema, field]) => [name, field, schema] as const))(
    "%s %s refuses a NUL byte with controlCharacters",
    (_name, fieldPath, schema) => {
      const r = schema.safeParse(inputWith(fieldPath, WITH_NUL));
      expect(r.error?.issues.filter((i) => i.path.join(".") === fieldPath).map((i) => i.message)).toContain("controlCharacters");
    },
  );

  it("task reminders at an absolute moment refuse it too", () => {
    const r = tasks.createTaskInput.safeParse({ title: "Wymiana filtra", reminders: [{ type: "at", fireAt: "2026-03-29T09:30\u0000" }] });
    expect(r.error?.issues.map((i) => `${i.path.join(".")}:${i.message}`)).toContain("reminders.0.fireAt:controlCharacters");
  });

  // Catches a field added to a schema but not to the table above: whatever a top-level field is,
  // a NUL byte never comes out of the parse.
  const modules = { crm, notify, org, reminders, tasks };
  const objectSchemas = Object.entries(modules).flatMap(([domain, exports]) =>
    Object.entries(exports)
      .filter((entry): entry is [string, z.ZodObject] => entry[1] instanceof z.ZodObject)
      .map(([name, schema]) => [`${domain}.${name}`, schema] as const),
  );
  it("finds the schemas", () => expect(objectSchemas.length).toBeGreaterThan(25));
  for (const [name, schema] of objectSchemas) {
    for (const field of Object.keys(schema.shape)) {
      it(`${name}.${field} lets no NUL byte through`, () => {
        const r = schema.safeParse({ [field]: WITH_NUL });
        if (r.success) expect(JSON.stringify((r.data as Record<string, unknown>)[field]) ?? "").not.toContain("\\u0000");
        else expect(r.error.issues.some((i) => i.path[0] === field)).toBe(true);
      });
    }
  }
});

describe("schema files", () => {
  // A bare z.string() would accept control characters again; the shared shapes refuse them.
  const root = path.resolve(import.meta.dirname, "..");
  const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => /(^|\/)(schema|actions)\.ts$/.test(f));
  it("finds them", () => expect(files.length).toBeGreaterThan(5));
  it.each(files)("lib/%s builds strings from lineString or paragraphString", (file) => {
    const bare = readFileSync(path.join(root, file), "utf8")
      .split("\n")
      .map((line, i) => ({ line: i + 1, text: line.trim() }))
      .filter(({ text }) => /\bz\s*\.\s*string\s*\(/.test(text));
    expect(bare).toEqual([]);
  });
});
