import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import webpush from "web-push";
import { env } from "@/lib/config/env";
import type { VapidKeys } from "./push";

/**
 * VAPID keys identify this server to browsers' push services. Production sets them in the
 * environment; the embedded default generates a pair once and keeps it under .data/, since
 * changing keys would invalidate every browser's subscription.
 */
export function vapidKeys(): VapidKeys {
  const e = env();
  const subject = e.VAPID_SUBJECT ?? `mailto:admin@${new URL(e.APP_URL).hostname || "localhost"}`;
  if (e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY) return { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY, subject };
  const dir = path.join(/*turbopackIgnore: true*/ process.cwd(), ".data");
  const file = path.join(dir, "vapid.json");
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, "utf8")) as { publicKey: string; privateKey: string };
    return { ...stored, subject };
  }
  mkdirSync(dir, { recursive: true });
  const generated = webpush.generateVAPIDKeys();
  writeFileSync(file, JSON.stringify(generated), { mode: 0o600 });
  return { ...generated, subject };
}
