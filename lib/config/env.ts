import { z } from "zod";
import { invalidPushHostEntries } from "@/lib/notify/push-endpoints";

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
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL (leave it unset to use the embedded PGlite database)")
        .optional(),
    ),
    // Unset outside production: http://localhost and the port this process listens on (PORT, as server.mjs reads it).
    APP_URL: optionalString.pipe(z.url("must be the public base URL of the app, for example https://baton.example.com").optional()),
    PORT: optionalString.pipe(
      z
        .string()
        .regex(/^\d{1,5}$/, "must be a TCP port number")
        .transform(Number)
        .optional(),
    ),
    AUTH_SECRET: optionalString,
    // auto: only `npm run dev` on the embedded database; always: any empty database, production too.
    SEED_DEMO: z.enum(["auto", "always", "never"], "must be auto, always or never").default("auto"),
    AUTH_MICROSOFT_ENTRA_ID_ID: optionalString,
    AUTH_MICROSOFT_ENTRA_ID_SECRET: optionalString,
    AUTH_MICROSOFT_ENTRA_ID_ISSUER: optionalString,
    AUTH_GOOGLE_ID: optionalString,
    AUTH_GOOGLE_SECRET: optionalString,
    AUTH_GOOGLE_HOSTED_DOMAIN: optionalString,
    // Read by server.mjs (lib/auth/forwarded-address.mjs); validated here too so a bad value stops any start.
    TRUSTED_PROXIES: optionalString
      .pipe(
        z
          .string()
          .regex(
            /^(?:[0-9]|10)$/,
            "must be a whole number from 0 to 10: how many reverse proxies (load balancer, CDN) stand in front of Baton; 0 or unset when clients connect directly",
          )
          .optional(),
      )
      .transform((v) => (v === undefined ? 0 : Number(v))),
    SESSION_MAX_AGE_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(12),
    SESSION_ABSOLUTE_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(168),
    RESEND_API_KEY: optionalString,
    // disabled: run without e-mail (routing skips the channel); auto: Resend, or the development mailbox outside production.
    EMAIL_DELIVERY: z.enum(["auto", "disabled"], "must be auto or disabled").default("auto"),
    RESEND_BASE_URL: optionalString.pipe(z.url("must be a URL (only for pointing the Resend SDK at another server)").optional()),
    // The signing secret of Resend's email.received webhook (whsec_…): replies to invitations (app/api/inbound/resend).
    RESEND_WEBHOOK_SECRET: optionalString.pipe(
      z
        .string()
        .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, "must be the webhook's signing secret from Resend, starting with whsec_")
        .optional(),
    ),
    EMAIL_FROM: z.string().trim().min(3).default("Baton <powiadomienia@baton.example>"),
    // Invitations need SMTP (a text/calendar part): Resend's relay with RESEND_API_KEY unless this names another server; alone, it carries every e-mail.
    SMTP_URL: optionalString.pipe(
      z
        .string()
        .regex(/^smtps?:\/\/\S+$/, "must be an smtp:// or smtps:// URL, for example smtps://user:password@smtp.example.com:465")
        .optional(),
    ),
    // Where mail clients send answers to invitations (reply+<entry>@INBOUND_DOMAIN); unset: the domain of EMAIL_FROM.
    INBOUND_DOMAIN: optionalString.pipe(
      z
        .string()
        .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/i, "must be a domain name such as in.baton.example")
        .optional(),
    ),
    SMS_DELIVERY: z.enum(["auto", "disabled"], "must be auto or disabled").default("auto"),
    TWILIO_ACCOUNT_SID: optionalString,
    TWILIO_AUTH_TOKEN: optionalString,
    TWILIO_FROM_NUMBER: optionalString.pipe(
      z
        .string()
        .regex(/^\+[1-9]\d{6,14}$/, "must be an E.164 number such as +48221234567")
        .optional(),
    ),
    TWILIO_MESSAGING_SERVICE_SID: optionalString,
    TWILIO_BASE_URL: optionalString.pipe(z.url("must be a URL (only for pointing the Twilio SDK at another server)").optional()),
    VAPID_PUBLIC_KEY: optionalString,
    VAPID_PRIVATE_KEY: optionalString,
    VAPID_SUBJECT: optionalString,
    PUSH_ALLOWED_HOSTS: optionalString,
    INNGEST_EVENT_KEY: optionalString,
    INNGEST_SIGNING_KEY: optionalString,
    INNGEST_BASE_URL: optionalString.pipe(z.url("must be the URL of a self-hosted Inngest server").optional()),
    // "1" or a URL: the local Inngest dev server (the SDK reads it too); "0"/"false" mean cloud mode.
    INNGEST_DEV: optionalString,
    NOTIFY_DISPATCH: optionalString.pipe(z.enum(["inngest", "inline"], "must be inngest or inline (or unset to choose by the Inngest settings)").optional()),
    INNGEST_SEND_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(2_000),
    RECONCILE_INTERVAL_MS: z.coerce.number().int().min(200).max(3_600_000).default(30_000),
    // Attachments: S3-compatible object storage when S3_BUCKET is set (any instance may serve any file);
    // otherwise files on this machine's disk under ATTACHMENTS_DIR (default .data/attachments), for one instance.
    ATTACHMENTS_DIR: optionalString,
    S3_BUCKET: optionalString,
    // Unset for AWS itself; the URL of any other S3-compatible service (MinIO, R2, Ceph...), addressed path-style.
    S3_ENDPOINT: optionalString.pipe(z.url("must be the URL of the S3-compatible service, for example https://s3.example.com").optional()),
    S3_REGION: optionalString,
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    // How long a download's signed URL is valid; the browser follows it at once.
    S3_URL_TTL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  })
  .superRefine((env, ctx) => {
    if (env.S3_BUCKET && !env.S3_REGION) {
      ctx.addIssue({ code: "custom", path: ["S3_REGION"], message: "is required when S3_BUCKET is set (us-east-1 for most S3-compatible services)" });
    }
    if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({
        code: "custom",
        path: ["S3_SECRET_ACCESS_KEY"],
        message: "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together (or both left unset for the default AWS credentials)",
      });
    }
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
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_MICROSOFT_ENTRA_ID_SECRET"],
        message: "is required when AUTH_MICROSOFT_ENTRA_ID_ID is set (Entra ID single sign-on)",
      });
    }
    if (env.TWILIO_ACCOUNT_SID && (!env.TWILIO_AUTH_TOKEN || !(env.TWILIO_FROM_NUMBER || env.TWILIO_MESSAGING_SERVICE_SID))) {
      ctx.addIssue({
        code: "custom",
        path: ["TWILIO_AUTH_TOKEN"],
        message: "and TWILIO_FROM_NUMBER (or TWILIO_MESSAGING_SERVICE_SID) are required when TWILIO_ACCOUNT_SID is set (SMS notifications)",
      });
    }
    if (Boolean(env.VAPID_PUBLIC_KEY) !== Boolean(env.VAPID_PRIVATE_KEY)) {
      ctx.addIssue({
        code: "custom",
        path: ["VAPID_PRIVATE_KEY"],
        message: "VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together (web push); generate both with npx web-push generate-vapid-keys",
      });
    }
    const badPushHosts = env.PUSH_ALLOWED_HOSTS ? invalidPushHostEntries(env.PUSH_ALLOWED_HOSTS) : [];
    if (badPushHosts.length) {
      ctx.addIssue({
        code: "custom",
        path: ["PUSH_ALLOWED_HOSTS"],
        message: `must be a comma-separated list of host names, "*.domain" or "host:port" (not understood: ${badPushHosts.join(", ")})`,
      });
    }
    if (env.AUTH_GOOGLE_ID && !env.AUTH_GOOGLE_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_GOOGLE_SECRET"], message: "is required when AUTH_GOOGLE_ID is set (Google Workspace single sign-on)" });
    }
    // Without a signing key the SDK cannot verify that calls to /api/inngest come from Inngest.
    if (env.INNGEST_EVENT_KEY && !env.INNGEST_SIGNING_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["INNGEST_SIGNING_KEY"],
        message:
          "is required when INNGEST_EVENT_KEY is set: without it /api/inngest cannot check that requests come from Inngest (Inngest dashboard → Signing key)",
      });
    }
    // The webhook only says a mail arrived; its content comes from Resend's receiving API.
    if (env.RESEND_WEBHOOK_SECRET && !env.RESEND_API_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["RESEND_API_KEY"],
        message: "is required when RESEND_WEBHOOK_SECRET is set: replies to invitations are read through Resend's receiving API",
      });
    }
    if (env.NODE_ENV !== "production") return;
    // Links in e-mails and SMS must point where people open Baton, not where this process happens to listen.
    if (!env.APP_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["APP_URL"],
        message:
          "is required in production: the public base URL people open, for example https://baton.example.com (links in e-mails, SMS and feeds point there)",
      });
    }
    // The dev server accepts unsigned calls and sends nothing durable: never in production.
    if (inngestDevMode(env.INNGEST_DEV)) {
      ctx.addIssue({
        code: "custom",
        path: ["INNGEST_DEV"],
        message:
          "must not be set in production (it points the Inngest SDK at an unauthenticated local dev server); set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY instead",
      });
    }
    // Outside production a missing key means the development mailbox; in production messages would silently go nowhere.
    if (env.EMAIL_DELIVERY === "auto" && !env.RESEND_API_KEY && !env.SMTP_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["RESEND_API_KEY"],
        message:
          "is required in production to send e-mail notifications through Resend (or SMTP_URL for another server); set EMAIL_DELIVERY=disabled to run without e-mail",
      });
    }
    if (env.SMS_DELIVERY === "auto" && !env.TWILIO_ACCOUNT_SID) {
      ctx.addIssue({
        code: "custom",
        path: ["TWILIO_ACCOUNT_SID"],
        message:
          "is required in production, with TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER (or TWILIO_MESSAGING_SERVICE_SID), to send SMS through Twilio; set SMS_DELIVERY=disabled to run without SMS",
      });
    }
  })
  .transform((env) => ({ ...env, APP_URL: env.APP_URL ?? `http://localhost:${env.PORT ?? 3000}` }));

export type Env = z.infer<typeof envSchema>;

/** Whether INNGEST_DEV puts the SDK in dev mode, read the way the SDK reads it ("0"/"false" mean cloud). */
export function inngestDevMode(value: string | undefined): boolean {
  return Boolean(value) && !["0", "false"].includes(value!.trim().toLowerCase());
}

/**
 * Which engine runs jobs, chosen once at start: Inngest when it is configured (or forced with
 * NOTIFY_DISPATCH=inngest), otherwise this process (NOTIFY_DISPATCH=inline).
 */
export function jobEngine(e: Env = env()): "inngest" | "in-process" {
  if (e.NOTIFY_DISPATCH) return e.NOTIFY_DISPATCH === "inngest" ? "inngest" : "in-process";
  return e.INNGEST_EVENT_KEY || inngestDevMode(e.INNGEST_DEV) || e.INNGEST_BASE_URL ? "inngest" : "in-process";
}

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
