import { collectAttachmentGarbageFn } from "./functions/collect-attachment-garbage";
import { createTaskInstancesFn } from "./functions/create-task-instances";
import { deliverNotification } from "./functions/deliver-notification";
import { extendSeriesBookingsFn } from "./functions/extend-series-bookings";
import { itemTimelines } from "./functions/item-timeline";
import { reconcileTimelinesFn } from "./functions/reconcile-timelines";
import { sendEmailBatchFn } from "./functions/send-email-batch";
import { sweepOutboxFn } from "./functions/sweep-outbox";

export const functions = [
  deliverNotification,
  sendEmailBatchFn,
  sweepOutboxFn,
  ...Object.values(itemTimelines),
  reconcileTimelinesFn,
  collectAttachmentGarbageFn,
  createTaskInstancesFn,
  extendSeriesBookingsFn,
];
