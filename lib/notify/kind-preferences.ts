import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { notificationPreferences } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import type { Work } from "@/lib/effects/unit";
import { kindChannelsFor } from "./plan";
import { kindOf, noticeKeys } from "./registry";
import { ROUTABLE_CHANNELS, type RoutableChannel } from "./routing";

/** The kinds a person routes one by one (`ownChannels` in kinds.ts), in the registry's order. */
export function ownRoutedKinds(): string[] {
  return noticeKeys().filter((key) => kindOf(key)?.ownChannels);
}

export const kindChannelsInput = z.object({
  kinds: z
    .record(z.string(), z.array(z.enum(ROUTABLE_CHANNELS)).max(ROUTABLE_CHANNELS.length))
    .refine((kinds) => Object.keys(kinds).every((key) => kindOf(key)?.ownChannels), "notify.errors.unknownKind"),
});
export type KindChannelsInput = z.output<typeof kindChannelsInput>;

/** The viewer's channels (besides in-app) for each kind routed one by one: their choice or the kind's default. */
export async function kindChannelsOf(db: DbOrTx, viewer: Pick<Viewer, "id">): Promise<Record<string, RoutableChannel[]>> {
  const [row] = await db
    .select({ kinds: notificationPreferences.kindChannels })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, viewer.id));
  return Object.fromEntries(ownRoutedKinds().map((key) => [key, kindChannelsFor(key, row?.kinds) ?? []]));
}

/** Saves the viewer's channels for the kinds given; the others keep what they had. */
export async function saveKindChannels({ tx, viewer, now }: Work, input: KindChannelsInput): Promise<Record<string, RoutableChannel[]>> {
  const [row] = await tx
    .select({ kinds: notificationPreferences.kindChannels })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, viewer.id));
  const chosen = Object.fromEntries(Object.entries(input.kinds).map(([key, channels]) => [key, ROUTABLE_CHANNELS.filter((c) => channels.includes(c))]));
  const kindChannels = { ...(row?.kinds ?? {}), ...chosen };
  await tx
    .insert(notificationPreferences)
    .values({ userId: viewer.id, kindChannels, updatedAt: now })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: { kindChannels, updatedAt: now } });
  return kindChannelsOf(tx, viewer);
}
