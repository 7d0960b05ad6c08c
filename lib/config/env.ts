import { z } from "zod";

/**
 * Every setting Baton reads from the environment, with what it is for. Validated once, on
 * first use, so a misconfigured deployment fails with a message naming the variable.
 */
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: optionalString.pipe(
      z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL (leave it unset to use the embedded PGlite database)").optional(),
    ),
    APP_URL: z.url("must be the public base URL of the app, for example https://baton.example.com").default("http://localhost:3000"),
    AUTH_SECRET: optionalString,
    SEED_DEMO: z.enum(["auto", "never"]).default("auto"),
    AUTH_MICROSOFT_ENTRA_ID_ID: optionalString,
    AUTH_MICROSOFT_ENTRA_ID_SECRET: optionalString,
    AUTH_MICROSOFT_ENTRA_ID_ISSUER: optionalString,
    AUTH_GOOGLE_ID: optionalString,
    AUTH_GOOGLE_SECRET: optionalString,
    AUTH_GOOGLE_HOSTED_DOMAIN: optionalString,
    SESSION_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(12),
  })
  .superRefine((env, ctx) => {
    // A real deployment (Postgres) must set it; the embedded laptop mode keeps a generated one under .data/.
    if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "is required in production with DATABASE_URL: a random string of at least 32 characters that signs session cookies (openssl rand -base64 33)",
      });
    }
    if (env.AUTH_SECRET && env.AUTH_SECRET.length < 32) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "must be at least 32 characters long" });
    }
    if (env.AUTH_MICROSOFT_ENTRA_ID_ID && !env.AUTH_MICROSOFT_ENTRA_ID_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_MICROSOFT_ENTRA_ID_SECRET"], message: "is required when AUTH_MICROSOFT_ENTRA_ID_ID is set (Entra ID single sign-on)" });
    }
    if (env.AUTH_GOOGLE_ID && !env.AUTH_GOOGLE_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_GOOGLE_SECRET"], message: "is required when AUTH_GOOGLE_ID is set (Google Workspace single sign-on)" });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")} ${issue.message}`);
    throw new ConfigError(`Baton configuration is invalid:\n${lines.join("\n")}\nSee .env.example for every setting.`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
