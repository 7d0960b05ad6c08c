import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { reminderSnoozes, tasks } from "@/db/schema";
import type { TimelineSource } from "@/lib/timelines/types";
import { loadTaskTimeline } from "./context";
import { momentNoticeRow } from "./notices";
import { escalationSettings } from "./settings";

/** Tasks in the timelines registry: their moments come from `timelineOf`, their notices from `momentNoticeRow`. */
export const taskTimelineSource: TimelineSource = {
  async load(tx, id, { lock, shared }) {
    const query = tx.select().from(tasks).where(eq(tasks.id, id));
    const [task] = lock ? await query.for("update") : await query;
    if (!task) return null;
    const settings = shared ? await shared.once("task.escalationSettings", () => escalationSettings(tx)) : undefined;
    const timeline = await loadTaskTimeline(tx, task, settings);
    return {
      version: task.version,
      updatedAt: task.updatedAt,
      moments: timeline.moments,
      noticeOf(moment) {
        const recipient = timeline.people.get(moment.recipientId);
        return recipient?.active ? momentNoticeRow(task, moment, recipient, timeline.people.get(task.assigneeId)) : null;
      },
      async afterSettled(tx, moment, at) {
        // Sent, the snooze is no longer pending: the person may snooze the new reminder again.
        if (moment.snoozeId) await tx.update(reminderSnoozes).set({ sentAt: at }).where(eq(reminderSnoozes.id, moment.snoozeId));
      },
    };
  },
  async idsAfter(db, afterId, limit) {
    const rows = await db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(inArray(tasks.status, ["open", "in_progress"]), afterId ? gt(tasks.id, afterId) : undefined))
      .orderBy(asc(tasks.id))
      .limit(limit);
    return rows.map((r) => r.id);
  },
};
