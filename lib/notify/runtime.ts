import { getDb } from "@/db";
import { env, type Env } from "@/lib/config/env";
import type { DeliveryProviders, DeliveryRuntime } from "./deliver";
import { channelDelivery } from "./deployment-channels";
import { devMailboxEmail, devMailboxSms } from "./providers/dev-mailbox";
import { disabledEmail, disabledSms } from "./providers/disabled";
import { resendSender, withCalendarSender, type EmailSender } from "./providers/email";
import { resendRelayUrl, smtpSender } from "./providers/smtp";
import { webPushSender } from "./providers/push";
import { twilioSender } from "./providers/sms";
import { vapidKeys } from "./providers/vapid";
import type { Db } from "@/db";

/**
 * Real providers when their keys are configured; the development mailbox on a laptop without
 * keys; a channel switched off (or, in production, without keys) sends nothing.
 */
export function configuredProviders(db: Db, e: Env = env()): DeliveryProviders {
  const delivery = channelDelivery(e);
  return {
    email: delivery.email === "provider" ? providerEmail(e) : delivery.email === "mailbox" ? devMailboxEmail(db) : disabledEmail(),
    sms:
      delivery.sms === "provider"
        ? twilioSender({
            accountSid: e.TWILIO_ACCOUNT_SID!,
            authToken: e.TWILIO_AUTH_TOKEN!,
            from: e.TWILIO_FROM_NUMBER,
            messagingServiceSid: e.TWILIO_MESSAGING_SERVICE_SID,
            baseUrl: e.TWILIO_BASE_URL,
          })
        : delivery.sms === "mailbox"
          ? devMailboxSms(db)
          : disabledSms(),
    push: webPushSender(vapidKeys()),
  };
}

/**
 * Resend's HTTP API for e-mail, and SMTP for invitations (SMTP_URL, or Resend's relay with the
 * same key); with SMTP_URL alone, SMTP for everything.
 */
function providerEmail(e: Env): EmailSender {
  const smtp = (url: string) => smtpSender({ url, from: e.EMAIL_FROM });
  if (!e.RESEND_API_KEY) return smtp(e.SMTP_URL!);
  const resend = resendSender({ apiKey: e.RESEND_API_KEY, from: e.EMAIL_FROM, baseUrl: e.RESEND_BASE_URL });
  return withCalendarSender(resend, smtp(e.SMTP_URL ?? resendRelayUrl(e.RESEND_API_KEY)));
}

export async function deliveryRuntime(): Promise<DeliveryRuntime> {
  const db = await getDb();
  return { db, providers: configuredProviders(db), appUrl: env().APP_URL };
}
