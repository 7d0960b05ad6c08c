import type { EmailSender } from "./email";
import { PermanentDeliveryError } from "./errors";
import type { SmsSender } from "./sms";

/**
 * A channel switched off on this deployment. Routing queues nothing on it; a delivery queued
 * before it was switched off ends here and is recorded as skipped, never sent anywhere else.
 */
export function disabledEmail(): EmailSender {
  return {
    name: "disabled",
    async send() {
      throw new PermanentDeliveryError("channel_disabled", "e-mail is disabled on this deployment (EMAIL_DELIVERY=disabled or no RESEND_API_KEY)");
    },
  };
}

export function disabledSms(): SmsSender {
  return {
    name: "disabled",
    async send() {
      throw new PermanentDeliveryError("channel_disabled", "SMS is disabled on this deployment (SMS_DELIVERY=disabled or no Twilio account)");
    },
  };
}
