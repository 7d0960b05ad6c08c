import { z } from "zod";
import { checkbox, lineString, requiredText } from "@/lib/action/fields";
import { DEFAULT_DAYS_AHEAD, DEFAULT_DAYS_BACK, FEED_KINDS, MAX_DAYS_AHEAD, MAX_DAYS_BACK, MAX_FEED_NAME } from "./types";

const feedId = lineString("feeds.errors.notFound").trim().pipe(z.uuid("feeds.errors.notFound"));

/** A whole number of days a form may leave empty (the default), within [min, max]. */
const days = (min: number, max: number, fallback: number) =>
  z
    .union([z.number(), lineString().trim()])
    .nullish()
    .transform((v) => (v === "" || v === undefined || v === null ? fallback : Number(v)))
    .refine((v) => Number.isInteger(v) && v >= min && v <= max, "feeds.errors.days");

export const createFeedInput = z
  .object({
    kind: z.enum(FEED_KINDS, "required"),
    targetId: lineString()
      .trim()
      .nullish()
      .transform((v) => v || null),
    name: requiredText(MAX_FEED_NAME),
    includeTasks: checkbox.nullish().transform((v) => v ?? false),
    daysBack: days(0, MAX_DAYS_BACK, DEFAULT_DAYS_BACK),
    daysAhead: days(1, MAX_DAYS_AHEAD, DEFAULT_DAYS_AHEAD),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== "own" && (!v.targetId || !z.uuid().safeParse(v.targetId).success)) {
      ctx.addIssue({ code: "custom", path: ["targetId"], message: "feeds.errors.targetRequired" });
    }
  });
export type CreateFeedInput = z.output<typeof createFeedInput>;

export const renameFeedInput = z.object({ id: feedId, name: requiredText(MAX_FEED_NAME) });
export type RenameFeedInput = z.output<typeof renameFeedInput>;

export const feedRefInput = z.object({ id: feedId });
export type FeedRefInput = z.output<typeof feedRefInput>;
