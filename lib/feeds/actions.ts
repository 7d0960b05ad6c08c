"use server";

import { defineAction } from "@/lib/action/define";
import { env } from "@/lib/config/env";
import { createFeed, regenerateFeed, renameFeed, revokeFeed } from "./commands";
import { createFeedInput, feedRefInput, renameFeedInput } from "./schema";
import { feedUrl } from "./token";

const feedPaths = () => ["/settings/feeds", "/admin/feeds"];

/** The URL with its token, returned this once: Baton keeps only the token's hash. */
export const createFeedAction = defineAction(
  createFeedInput,
  async (input, work) => {
    const issued = await createFeed(work, input);
    return { id: issued.id, url: feedUrl(env().APP_URL, issued.token) };
  },
  { revalidate: feedPaths },
);

export const renameFeedAction = defineAction(renameFeedInput, (input, work) => renameFeed(work, input), { revalidate: feedPaths });

export const regenerateFeedAction = defineAction(
  feedRefInput,
  async (input, work) => {
    const issued = await regenerateFeed(work, input);
    return { id: issued.id, url: feedUrl(env().APP_URL, issued.token) };
  },
  { revalidate: feedPaths },
);

export const revokeFeedAction = defineAction(feedRefInput, (input, work) => revokeFeed(work, input), { revalidate: feedPaths });
