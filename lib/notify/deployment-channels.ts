import { env, type Env } from "@/lib/config/env";

/** The channels that depend on an outside provider's account. */
export type ProviderChannel = "email" | "sms";

/**
 * How a provider channel goes out on this deployment: through its provider, into the
 * development mailbox (a laptop without keys), or not at all (switched off by
 * EMAIL_DELIVERY / SMS_DELIVERY=disabled).
 */
export type ChannelDelivery = "provider" | "mailbox" | "disabled";

/**
 * Decided from the configuration alone. The mailbox is never chosen in production, where every
 * captured message would be readable by an admin (and an SMS by whoever set the number): the
 * configuration check refuses to start there without keys, so "disabled" below is only a
 * belt-and-braces answer.
 */
export function channelDelivery(e: Env = env()): Record<ProviderChannel, ChannelDelivery> {
  const production = e.NODE_ENV === "production";
  const choose = (switchedOff: boolean, hasKeys: boolean): ChannelDelivery =>
    switchedOff ? "disabled" : hasKeys ? "provider" : production ? "disabled" : "mailbox";
  return {
    email: choose(e.EMAIL_DELIVERY === "disabled", Boolean(e.RESEND_API_KEY || e.SMTP_URL)),
    sms: choose(e.SMS_DELIVERY === "disabled", Boolean(e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN)),
  };
}

/** The provider channels routing must not queue anything on. */
export function disabledChannels(e: Env = env()): ProviderChannel[] {
  const delivery = channelDelivery(e);
  return (["email", "sms"] as const).filter((channel) => delivery[channel] === "disabled");
}
