import { getDb } from "@/db";
import { env, type Env } from "@/lib/config/env";
import type { DeliveryProviders, DeliveryRuntime } from "./deliver";
import { channelDelivery } from "./deployment-channels";
import { devMailboxEmail, devMailboxSms } from "./providers/dev-mailbox";
import { disabledEmail, disabledSms } from "./providers/disabled";
import { resendSender } from "./providers/email";
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
    email:
      delivery.email === "provider"
        ? resendSender({ apiKey: e.RESEND_API_KEY!, from: e.EMAIL_FROM, baseUrl: e.RESEND_BASE_URL })
        : delivery.email === "mailbox"
          ? devMailboxEmail(db)
          : disabledEmail(),
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

export async function deliveryRuntime(): Promise<DeliveryRuntime> {
  const db = await getDb();
  return { db, providers: configuredProviders(db), appUrl: env().APP_URL };
}
