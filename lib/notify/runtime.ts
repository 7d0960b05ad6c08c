import { getDb } from "@/db";
import { env } from "@/lib/config/env";
import type { DeliveryProviders, DeliveryRuntime } from "./deliver";
import { devMailboxEmail, devMailboxSms } from "./providers/dev-mailbox";
import { resendSender } from "./providers/email";
import { webPushSender } from "./providers/push";
import { twilioSender } from "./providers/sms";
import { vapidKeys } from "./providers/vapid";
import type { Db } from "@/db";

/** Real providers when their keys are configured; otherwise the development mailbox. */
export function configuredProviders(db: Db): DeliveryProviders {
  const e = env();
  return {
    email: e.RESEND_API_KEY ? resendSender({ apiKey: e.RESEND_API_KEY, from: e.EMAIL_FROM, baseUrl: e.RESEND_BASE_URL }) : devMailboxEmail(db),
    sms:
      e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN
        ? twilioSender({
            accountSid: e.TWILIO_ACCOUNT_SID,
            authToken: e.TWILIO_AUTH_TOKEN,
            from: e.TWILIO_FROM_NUMBER,
            messagingServiceSid: e.TWILIO_MESSAGING_SERVICE_SID,
            baseUrl: e.TWILIO_BASE_URL,
          })
        : devMailboxSms(db),
    push: webPushSender(vapidKeys()),
  };
}

export async function deliveryRuntime(): Promise<DeliveryRuntime> {
  const db = await getDb();
  return { db, providers: configuredProviders(db), appUrl: env().APP_URL };
}
