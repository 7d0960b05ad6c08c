import { oneLine } from "@/lib/text/clean-text";
import { isGsm7, toGsm7 } from "./gsm7";
import { fitsOneSegment } from "./segments";

/** An SMS written for SMS: what and which number, who, when, then the title; the sender adds the link. */
export interface SmsTexts {
  /** What happened to which item ("nowe zadanie #18"): always sent. */
  what: string;
  /** Who did it ("od M. Woźniak"): the first part left out when one segment has no room. */
  who?: string;
  /** The moment that matters ("termin 03.12 09:00"). */
  when?: string;
  /** The item's title: cut to the room that is left. */
  title?: string;
  /** A note that goes after the title ("(wynik: wymieniono grzałki)"): sent only whole, and only when all the rest fits with it. */
  note?: string;
}

export interface SmsOptions {
  /** The organisation's setting: Polish letters transliterated so the SMS goes as GSM-7. */
  gsm7: boolean;
}

/** Fewer characters of a title than this say nothing: the title is left out instead. */
const MIN_TITLE = 8;

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

function clean(text: string | undefined, options: SmsOptions): string {
  if (!text) return "";
  const line = oneLine(text);
  return options.gsm7 ? toGsm7(line) : line;
}

const PREFIX = "Baton:";

function headOf(what: string, who: string, when: string): string {
  const parts = [[what, who].filter(Boolean).join(" "), when].filter(Boolean).join(", ");
  return parts ? `${PREFIX} ${parts}` : PREFIX;
}

/** "Baton: nowe zadanie #18: Przegląd", or "Baton: Przegląd" when the head says nothing else. */
function joined(head: string, title: string, link: string): string {
  return `${head}${head === PREFIX ? " " : ": "}${title} ${link}`;
}

/** The longest start of the title that keeps the whole SMS in one segment, or null below MIN_TITLE. */
function withCutTitle(head: string, title: string, link: string): string | null {
  const whole = joined(head, title, link);
  if (fitsOneSegment(whole)) return whole;
  const graphemes = Array.from(segmenter.segment(title), (s) => s.segment);
  const build = (count: number) => {
    const start = graphemes.slice(0, count).join("").trimEnd();
    const ellipsis = isGsm7(head) && isGsm7(start) && isGsm7(link) ? "..." : "…";
    return { text: joined(head, `${start}${ellipsis}`, link), length: start.length };
  };
  let low = 0;
  let high = graphemes.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fitsOneSegment(build(mid).text)) low = mid;
    else high = mid - 1;
  }
  // A cut at the end of a word reads better, when it costs little of the title.
  const space = graphemes.slice(0, low + 1).lastIndexOf(" ");
  const atWord = space > 0 && low - space < 15 ? build(space) : null;
  const best = atWord && atWord.length >= MIN_TITLE ? atWord : build(low);
  return best.length >= MIN_TITLE && fitsOneSegment(best.text) ? best.text : null;
}

/**
 * One segment whatever the title: GSM-7 has 160 characters (extension-table ones count 2),
 * UCS-2 only 70, so a title with Polish letters is cut harder when they are kept. What the
 * SMS is about, its number and the link are always there; a note goes first (it is never cut),
 * then who did it, then the title, then the moment.
 */
export function fitSms(texts: SmsTexts, link: string, options: SmsOptions): string {
  const what = clean(texts.what, options);
  const who = clean(texts.who, options);
  const when = clean(texts.when, options);
  const title = clean(texts.title, options);
  const note = clean(texts.note, options);
  if (note) {
    const whole = joined(headOf(what, who, when), [title, note].filter(Boolean).join(" "), link);
    if (fitsOneSegment(whole)) return whole;
  }
  const variants: [string, string, string][] = [
    [who, when, title],
    ["", when, title],
    [who, when, ""],
    ["", when, ""],
    ["", "", ""],
  ];
  for (const [w, at, t] of variants) {
    const head = headOf(what, w, at);
    if (t) {
      const fitted = withCutTitle(head, t, link);
      if (fitted) return fitted;
    } else if (fitsOneSegment(`${head} ${link}`)) return `${head} ${link}`;
  }
  // Nothing fits whole (a title stored as the only text of an old row, a very long APP_URL).
  return withCutTitle(PREFIX, what, link) ?? `${PREFIX} ${link}`;
}
