/**
 * How Postgres writes a timestamptz in a session whose zone is UTC (every connection Baton opens: db/index.ts), which
 * is how the driver hands it over: "2026-12-07 09:00:00+00", with up to six digits of seconds' fraction.
 */
const PG_UTC_INSTANT = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?\+00$/;

/**
 * An instant as ISO text ("2026-12-07T09:00:00.000Z", what Date#toISOString writes), from a Date or from Postgres'
 * text. The text is rewritten, not parsed: a calendar window turns thousands of them a request, and Date's parser
 * takes some five times as long for each. Any other shape goes through Date, as before.
 */
export function instantIso(value: Date | string): string {
  if (value instanceof Date) return value.toISOString();
  const m = PG_UTC_INSTANT.exec(value);
  if (!m) return new Date(value).toISOString();
  const [, y, mo, d, h, mi, sec, fraction] = m;
  return `${y}-${mo}-${d}T${h}:${mi}:${sec}.${milliseconds(fraction)}Z`;
}

/** An instant from a Date or Postgres' text, read by its parts where the text has the usual shape (as instantIso). */
export function instantOf(value: Date | string): Date {
  if (value instanceof Date) return value;
  const m = PG_UTC_INSTANT.exec(value);
  if (!m) return new Date(value);
  const [, y, mo, d, h, mi, sec, fraction] = m;
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec), Number(milliseconds(fraction))));
}

/** The fraction's milliseconds, three digits: Date keeps milliseconds and drops the rest of the fraction; so do these. */
function milliseconds(fraction: string | undefined): string {
  return (fraction ?? "").padEnd(3, "0").slice(0, 3);
}
