"use server";

import { z } from "zod";
import { defineActionOutsideUnit } from "@/lib/action/define";
import { findFreeSlots } from "./finder";

/**
 * The free-time finder's input as a form sends it. Only the shape is checked here: the limits
 * (how many people, how long, how wide a window) are the finder's, with their own messages.
 */
const findFreeSlotsInput = z.object({
  people: z.array(z.string().max(64)).max(100).default([]),
  resources: z.array(z.string().max(64)).max(100).default([]),
  durationMinutes: z.number(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  workingHoursOnly: z.boolean().default(false),
  limit: z.number().optional(),
});

/**
 * The first free slots when everyone and everything chosen is free. Read-only, so it runs on the
 * database without a unit of work; it answers nothing but slots.
 */
export const findFreeSlotsAction = defineActionOutsideUnit(findFreeSlotsInput, (input, { viewer, db }) =>
  findFreeSlots(db, viewer, {
    ...input,
    from: input.from ? new Date(input.from) : undefined,
    to: input.to ? new Date(input.to) : undefined,
  }),
);
