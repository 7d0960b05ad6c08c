import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { timelineItemTypes } from "@/db/schema";
import { functions } from "@/inngest";
import { scheduledEvent, scheduledEvents, scheduledItemOf } from "@/inngest/client";
import { itemTimelines } from "./item-timeline";

describe("the timeline runs", () => {
  it("keep the function ids and event names they had before one factory made them", () => {
    expect(itemTimelines.task.opts.id).toBe("task-timeline");
    expect(itemTimelines.entry.opts.id).toBe("entry-timeline");
    expect(scheduledEvents.task.name).toBe("baton/task.scheduled");
    expect(scheduledEvents.entry.name).toBe("baton/entry.scheduled");
  });

  it("exist for every kind, started and cancelled by that kind's event alone, and are served", () => {
    for (const type of timelineItemTypes) {
      const run = itemTimelines[type];
      expect(run.opts.id).toBe(`${type}-timeline`);
      expect(run.opts.triggers).toEqual([scheduledEvents[type]]);
      expect(run.opts.cancelOn).toEqual([{ event: scheduledEvents[type], match: `data.${type}Id` }]);
      expect(functions).toContain(run);
    }
  });

  it("read the item from their kind's field, and refuse an event that names another kind's", () => {
    const id = randomUUID();
    const event = scheduledEvent({ type: "entry", id, version: 3 }, `entry-${id}-v3`);
    expect({ name: event.name, data: event.data, id: event.id }).toEqual({
      name: "baton/entry.scheduled",
      data: { entryId: id, version: 3 },
      id: `entry-${id}-v3`,
    });
    expect(scheduledItemOf("entry", event.data)).toEqual({ id, version: 3 });
    expect(() => scheduledItemOf("task", event.data)).toThrow();
    expect(() => scheduledItemOf("entry", { entryId: "not-a-uuid", version: 3 })).toThrow();
  });
});
