import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@/db/seed/demo";
import { users } from "@/db/schema";
import { Conflict, Invalid } from "@/lib/action/errors";
import { authenticate } from "@/lib/auth/authenticate";
import { loadViewer } from "@/lib/auth/viewer";
import { emptyDatabase } from "@/lib/testing/empty-database";
import { createAdminAccount } from "./admin-account";

const PASSWORD = "Rzeka-Wisła-2026";

describe("createAdminAccount (npm run admin:create)", () => {
  it("creates, in an empty database, an administrator who can sign in", async () => {
    const handle = await emptyDatabase();
    try {
      const admin = await createAdminAccount(handle.db, { email: " Jan.Kowalski@Firma.PL ", name: "Jan Kowalski", password: PASSWORD });
      expect(admin.email).toBe("jan.kowalski@firma.pl");
      const signIn = await authenticate(handle.db, { email: "jan.kowalski@firma.pl", password: PASSWORD, ip: null });
      expect(signIn).toMatchObject({ ok: true, user: { id: admin.id } });
      const viewer = await loadViewer(handle.db, admin.id);
      expect(viewer).toMatchObject({ role: "admin", locale: "pl", timeZone: "Europe/Warsaw" });
    } finally {
      await handle.close();
    }
  });

  it("refuses an e-mail that already has an account, changing nothing", async () => {
    const handle = await emptyDatabase();
    try {
      const first = await createAdminAccount(handle.db, { email: "admin@firma.pl", name: "Pierwszy", password: PASSWORD });
      const attempt = createAdminAccount(handle.db, { email: "ADMIN@firma.pl", name: "Drugi", password: "Zupełnie-inne-99" });
      await expect(attempt).rejects.toBeInstanceOf(Conflict);
      await expect(attempt).rejects.toMatchObject({ fieldErrors: { email: ["emailTaken"] } });
      const rows = await handle.db.select().from(users).where(eq(users.email, "admin@firma.pl"));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ id: first.id, name: "Pierwszy" });
      expect(await authenticate(handle.db, { email: "admin@firma.pl", password: "Zupełnie-inne-99", ip: null })).toMatchObject({ ok: false });
    } finally {
      await handle.close();
    }
  });

  it("refuses a bad e-mail, a missing name and weak passwords, writing nothing", async () => {
    const handle = await emptyDatabase();
    try {
      const bad = [
        [{ email: "not-an-address", name: "Jan", password: PASSWORD }, "email", "invalidEmail"],
        [{ email: "jan@firma.pl", name: "  ", password: PASSWORD }, "name", "required"],
        [{ email: "jan@firma.pl", name: "Jan", password: "krótkie" }, "password", "passwordTooShort"],
        [{ email: "jan@firma.pl", name: "Jan", password: DEMO_PASSWORD }, "password", "passwordTooGuessable"],
        [{ email: "jan.kowalski@firma.pl", name: "Jan", password: "jan.kowalski-1" }, "password", "passwordTooGuessable"],
        [{ email: "jan@firma.pl", name: "Jan", password: "aaaaaaaaaaaa" }, "password", "passwordTooGuessable"],
      ] as const;
      for (const [input, field, code] of bad) {
        const attempt = createAdminAccount(handle.db, input);
        await expect(attempt).rejects.toBeInstanceOf(Invalid);
        await expect(attempt).rejects.toMatchObject({ fieldErrors: { [field]: expect.arrayContaining([code]) } });
      }
      const [row] = await handle.db.select({ n: count() }).from(users);
      expect(row?.n).toBe(0);
    } finally {
      await handle.close();
    }
  });
});
