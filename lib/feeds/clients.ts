/** The calendar apps a feed's last reader is named by in settings ("Google, 3 hours ago"). */
export type FeedClient = "google" | "outlook" | "apple" | "thunderbird" | "other";

const KNOWN: [RegExp, FeedClient][] = [
  [/google/i, "google"],
  [/outlook|microsoft|exchange|office/i, "outlook"],
  [/thunderbird|lightning/i, "thunderbird"],
  [/ios|mac ?os|darwin|calendaragent|dataaccessd|apple/i, "apple"],
];

/** Which app fetched a feed, from its user agent. */
export function feedClientOf(userAgent: string | null): FeedClient {
  if (!userAgent) return "other";
  return KNOWN.find(([pattern]) => pattern.test(userAgent))?.[1] ?? "other";
}

/** The subscribe links of a feed's address, one per kind of calendar app. */
export function subscribeLinks(url: string, name: string): { outlookWeb: string; webcal: string; google: string } {
  const webcal = url.replace(/^https?:\/\//, "webcal://");
  return {
    outlookWeb: `https://outlook.office.com/calendar/0/addfromweb?url=${encodeURIComponent(url)}&name=${encodeURIComponent(name)}`,
    webcal,
    google: `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcal)}`,
  };
}
