import type { ICalTemporalInstantStub, ICalTemporalPlainDateTimeStub, ICalTemporalZonedDateTimeStub } from "ical-generator";
import { instantToWallClock } from "@/lib/time/zoned";

const MINUTE = 60_000;
const WEEK = 7 * 86_400_000;
const MAX_SEGMENTS = 10_000;

/** The zone's offset at an instant (ms), minute precision, from lib/time's wall clock (one Intl call). */
function measuredOffset(instantMs: number, timeZone: string): number {
  const wall = instantToWallClock(new Date(instantMs), timeZone);
  const wallMs = Date.UTC(
    Number(wall.slice(0, 4)),
    Number(wall.slice(5, 7)) - 1,
    Number(wall.slice(8, 10)),
    Number(wall.slice(11, 13)),
    Number(wall.slice(14, 16)),
  );
  return wallMs - Math.floor(instantMs / MINUTE) * MINUTE;
}

/**
 * A zone's offsets, learnt a week at a time: the offset at both ends of the week, and where it
 * differs, the minute it changes found by bisection. No zone changes its offset twice within a
 * week, so a feed's year costs about sixty Intl calls once, instead of two per event (an Intl
 * call takes tens of microseconds here: two thousand of them were most of a feed's time).
 */
class ZoneOffsets {
  private readonly weeks = new Map<number, { change: number; before: number; after: number }>();
  private readonly measured = new Map<number, number>();
  constructor(private readonly timeZone: string) {}

  private measure(ms: number): number {
    let offset = this.measured.get(ms);
    if (offset === undefined) {
      offset = measuredOffset(ms, this.timeZone);
      this.measured.set(ms, offset);
    }
    return offset;
  }

  offsetAt(instantMs: number): number {
    const start = Math.floor(instantMs / WEEK) * WEEK;
    let week = this.weeks.get(start);
    if (!week) {
      if (this.weeks.size > MAX_SEGMENTS) {
        this.weeks.clear();
        this.measured.clear();
      }
      const before = this.measure(start);
      const after = this.measure(start + WEEK);
      let change = start + WEEK;
      if (before !== after) {
        // The first minute at the new offset: bisect between the week's two ends.
        let lo = start;
        let hi = start + WEEK;
        while (hi - lo > MINUTE) {
          const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
          if (measuredOffset(mid, this.timeZone) === before) lo = mid;
          else hi = mid;
        }
        change = hi;
      }
      week = { change, before, after };
      this.weeks.set(start, week);
    }
    return instantMs < week.change ? week.before : week.after;
  }
}

const zones = new Map<string, ZoneOffsets>();

function offsetsOf(timeZone: string): ZoneOffsets {
  let offsets = zones.get(timeZone);
  if (!offsets) zones.set(timeZone, (offsets = new ZoneOffsets(timeZone)));
  return offsets;
}

/** A wall-clock reading of an instant in a zone: the fields ical-generator formats. */
class WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  constructor(
    protected readonly instantMs: number,
    protected readonly zone: string,
  ) {
    const wall = new Date(instantMs + offsetsOf(zone).offsetAt(instantMs));
    this.year = wall.getUTCFullYear();
    this.month = wall.getUTCMonth() + 1;
    this.day = wall.getUTCDate();
    this.hour = wall.getUTCHours();
    this.minute = wall.getUTCMinutes();
    this.second = wall.getUTCSeconds();
  }
  toString(): string {
    const p = (n: number) => String(n).padStart(2, "0");
    return `${this.year}-${p(this.month)}-${p(this.day)}T${p(this.hour)}:${p(this.minute)}:${p(this.second)}[${this.zone}]`;
  }
  toJSON(): string {
    return this.toString();
  }
}

class PlainWallClock extends WallClock implements ICalTemporalPlainDateTimeStub {
  toPlainDate(): never {
    throw new Error("ical-generator asks no date of a timed value");
  }
  toZonedDateTime(zone: string): ICalTemporalZonedDateTimeStub {
    return zonedInstant(this.instantMs, zone);
  }
}

class Instant implements ICalTemporalInstantStub {
  constructor(readonly epochMilliseconds: number) {}
  toString(): string {
    return new Date(this.epochMilliseconds).toISOString();
  }
  toJSON(): string {
    return this.toString();
  }
  toZonedDateTimeISO(zone: string): ICalTemporalZonedDateTimeStub {
    return zonedInstant(this.epochMilliseconds, zone);
  }
}

class ZonedWallClock extends WallClock implements ICalTemporalZonedDateTimeStub {
  get timeZoneId(): string {
    return this.zone;
  }
  toInstant(): ICalTemporalInstantStub {
    return new Instant(this.instantMs);
  }
  toPlainDateTime(): ICalTemporalPlainDateTimeStub {
    return new PlainWallClock(this.instantMs, this.zone);
  }
  withTimeZone(zone: string): ICalTemporalZonedDateTimeStub {
    return zone === this.zone ? this : zonedInstant(this.instantMs, zone);
  }
}

/**
 * An instant in a named zone in the shape ical-generator accepts for Temporal values (its
 * documented ZonedDateTime stub). ical-generator writes it as the zone's wall-clock time with
 * TZID, whatever the process zone (a plain Date it would write in the process zone).
 */
export function zonedInstant(instantMs: number, timeZone: string): ICalTemporalZonedDateTimeStub {
  return new ZonedWallClock(instantMs, timeZone);
}
