import { deliverNotification } from "./functions/deliver-notification";
import { reconcileTimelinesFn } from "./functions/reconcile-timelines";
import { sendEmailBatchFn } from "./functions/send-email-batch";
import { sweepOutboxFn } from "./functions/sweep-outbox";
import { taskTimeline } from "./functions/task-timeline";

export const functions = [deliverNotification, sendEmailBatchFn, sweepOutboxFn, taskTimeline, reconcileTimelinesFn];
