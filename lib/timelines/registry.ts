import { entryTimelineSource } from "@/lib/calendar/timeline-source";
import { taskTimelineSource } from "@/lib/reminders/task-source";
import type { TimelineItemType, TimelineSource } from "./types";

/**
 * Every kind of item with a timeline, by the `item_type` its moments carry (`timelineItemTypes`):
 * registering a kind's source here is all a new kind needs (its run, event, reconcile and
 * backfill are the same code).
 */
export const timelineSources: Record<TimelineItemType, TimelineSource> = {
  task: taskTimelineSource,
  entry: entryTimelineSource,
};
