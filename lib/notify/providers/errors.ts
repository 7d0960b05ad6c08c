/**
 * A delivery that can never succeed as asked (opted-out number, invalid address, push
 * subscription gone): recorded and not retried. Any other error is retried by Inngest.
 */
export class PermanentDeliveryError extends Error {
  constructor(
    readonly reason: "opted_out" | "invalid_recipient" | "subscription_gone" | "rejected" | "channel_disabled",
    message: string,
  ) {
    super(message);
    this.name = "PermanentDeliveryError";
  }
}
