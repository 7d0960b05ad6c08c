import { addCalendarDays, instantToWallClock, wallClockToInstant } from "@/lib/time/zoned";
import {
  CHANNELS,
  PRIORITIES,
  ROUTABLE_CHANNELS,
  WORKING_MODES,
  type Channel,
  type Priority,
  type RoutableChannel,
  type WorkingMode,
} from "@/lib/org/vocabulary";

export { CHANNELS, PRIORITIES, ROUTABLE_CHANNELS, WORKING_MODES, type Channel, type Priority, type RoutableChannel, type WorkingMode };

/** For each working mode and priority, the channels to use, in the order they are tried. */
export type ChannelMatrix = Record<WorkingMode, Record<Priority, RoutableChannel[]>>;

/** Channels that interrupt a person (a phone buzzing); quiet hours hold them back. */
const INTERRUPTIVE: ReadonlySet<RoutableChannel> = new Set(["sms", "push"]);

const OFFICE: Record<Priority, RoutableChannel[]> = {
  low: ["email"],
  normal: ["email"],
  high: ["email", "sms", "push"],
  urgent: ["email", "sms", "push"],
};

/**
 * The product promise: high and urgent go by e-mail, SMS and push; normal and low by e-mail.
 * In the field SMS and push come first, and push also carries normal items (no desk, no inbox).
 * Away: only what matters reaches the phone.
 */
export const DEFAULT_MATRIX: ChannelMatrix = {
  office: structuredClone(OFFICE),
  remote: structuredClone(OFFICE),
  field: {
    low: ["email"],
    normal: ["push", "email"],
    high: ["sms", "push", "email"],
    urgent: ["sms", "push", "email"],
  },
  away: {
    low: [],
    normal: ["email"],
    high: ["email"],
    urgent: ["sms", "push", "email"],
  },
};

export interface QuietHours {
  /** "22:00": local wall-clock time in the person's zone. */
  start: string;
  end: string;
}

export interface RoutingInput {
  priority: Priority;
  mode: WorkingMode;
  /** The person's matrix: their preferences over the organisation's defaults. */
  matrix: ChannelMatrix;
  quietHours: QuietHours | null;
  timeZone: string;
  now: Date;
  hasEmail: boolean;
  /** A phone number that the person has verified by SMS code. */
  hasPhone: boolean;
  /** A phone number on the profile that is not verified yet: SMS is skipped, and the log says why. */
  hasUnverifiedPhone?: boolean;
  /** Channels this deployment does not deliver (EMAIL_DELIVERY / SMS_DELIVERY=disabled). */
  switchedOff?: readonly RoutableChannel[];
}

export interface RoutedChannel {
  channel: Channel;
  /** Null: send now. Otherwise not before this instant (end of quiet hours). */
  deliverAfter: Date | null;
  /** Set when the channel was chosen but cannot be used: written as a skipped delivery. */
  skipped?: "phone_unverified";
}

/** Decides which channels carry a notification and when. In-app always comes first. */
export function routeNotification(input: RoutingInput): RoutedChannel[] {
  const quietUntil = input.quietHours ? quietHoursEnd(input.quietHours, input.timeZone, input.now) : null;
  const routed: RoutedChannel[] = [{ channel: "in_app", deliverAfter: null }];
  for (const channel of input.matrix[input.mode][input.priority]) {
    if (channel === "email" && !input.hasEmail) continue;
    if (input.switchedOff?.includes(channel)) continue;
    if (routed.some((r) => r.channel === channel)) continue;
    if (channel === "sms" && !input.hasPhone) {
      if (input.hasUnverifiedPhone) routed.push({ channel, deliverAfter: null, skipped: "phone_unverified" });
      continue;
    }
    const held = quietUntil && INTERRUPTIVE.has(channel) && input.priority !== "urgent";
    routed.push({ channel, deliverAfter: held ? quietUntil : null });
  }
  return routed;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isValidLocalTime(value: string): boolean {
  return HH_MM.test(value);
}

/**
 * If `now` falls inside the quiet hours (in the person's zone), the instant they end; else null.
 * Handles windows across midnight (22:00–07:00) and days of 23 or 25 hours.
 */
export function quietHoursEnd(quiet: QuietHours, timeZone: string, now: Date): Date | null {
  if (!isValidLocalTime(quiet.start) || !isValidLocalTime(quiet.end) || quiet.start === quiet.end) return null;
  const local = instantToWallClock(now, timeZone);
  const today = local.slice(0, 10);
  const time = local.slice(11, 16);
  const overnight = quiet.start > quiet.end;
  const inside = overnight ? time >= quiet.start || time < quiet.end : time >= quiet.start && time < quiet.end;
  if (!inside) return null;
  const endToday = wallClockToInstant(`${today}T${quiet.end}`, timeZone);
  if (!endToday) return null;
  return endToday > now ? endToday : wallClockToInstant(`${addCalendarDays(today, 1)}T${quiet.end}`, timeZone);
}

/** Overlays a person's saved choices on the organisation's matrix. */
export function mergeMatrix(base: ChannelMatrix, overrides: Partial<Record<WorkingMode, Partial<Record<Priority, RoutableChannel[]>>>>): ChannelMatrix {
  const out = structuredClone(base);
  for (const mode of WORKING_MODES) {
    for (const priority of PRIORITIES) {
      const chosen = overrides[mode]?.[priority];
      if (chosen) out[mode][priority] = ROUTABLE_CHANNELS.filter((c) => chosen.includes(c)).sort((a, b) => chosen.indexOf(a) - chosen.indexOf(b));
    }
  }
  return out;
}
