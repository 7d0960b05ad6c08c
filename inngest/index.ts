import { deliverNotification } from "./functions/deliver-notification";
import { entryTimeline } from "./functions/entry-timeline";
import { reconcileTimelinesFn } from "./functions/reconcile-timelines";
import { sendEmailBatchFn } from "./functions/send-email-batch";
import { sweepOutboxFn } from "./functions/sweep-outbox";
import { taskTimeline } from "./functions/task-timeline";

export const functions = [deliverNotification, sendEmailBatchFn, sweepOutboxFn, taskTimeline, entryTimeline, reconcileTimelinesFn];
