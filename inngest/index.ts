import { deliverNotification } from "./functions/deliver-notification";
import { sendEmailBatchFn } from "./functions/send-email-batch";
import { sweepOutboxFn } from "./functions/sweep-outbox";

export const functions = [deliverNotification, sendEmailBatchFn, sweepOutboxFn];
