/**
 * Mentions inside a comment's text. A mention is stored as `<@user-id>`: the person's id, never
 * their display name (two colleagues may share one, and a name changes), and every surface shows
 * it as "@" + the person's current name. The comment box writes the tokens from the people it
 * picked (`encodeMentions`); the server reads the ids back (`mentionedIds`). Framework-free: the
 * browser and the server share it.
 */

const TOKEN = /<@([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})>/gi;

/** At most this many people are mentioned in one comment. */
export const MAX_MENTIONS = 10;

export function mentionToken(userId: string): string {
  return `<@${userId.toLowerCase()}>`;
}

/** The ids mentioned in `text`, each once, in the order they first appear. */
export function mentionedIds(text: string): string[] {
  const ids = new Set<string>();
  for (const match of text.matchAll(TOKEN)) ids.add(match[1]!.toLowerCase());
  return [...ids];
}

export type MentionSegment = { text: string } | { userId: string };

/** The text cut into plain runs and mentions, for rendering each mention as a name. */
export function mentionSegments(text: string): MentionSegment[] {
  const out: MentionSegment[] = [];
  let at = 0;
  for (const match of text.matchAll(TOKEN)) {
    if (match.index > at) out.push({ text: text.slice(at, match.index) });
    out.push({ userId: match[1]!.toLowerCase() });
    at = match.index + match[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** Plain text with every mention as "@Name"; `unknown` names a person no longer found. */
export function withMentionNames(text: string, names: ReadonlyMap<string, string>, unknown: string): string {
  return mentionSegments(text)
    .map((s) => ("text" in s ? s.text : `@${names.get(s.userId) ?? unknown}`))
    .join("");
}

/** A person picked in the comment box, and the label "@label" it wrote into the draft. */
export interface PickedMention {
  id: string;
  label: string;
}

/**
 * The draft as stored: each "@label" of a picked person becomes that person's token. Where labels
 * overlap ("@Anna" and "@Anna Nowak") the longest match wins; a picked person whose "@label"
 * was deleted from the draft is no longer mentioned. Labels must be unique among `picked`
 * (`labelFor` makes them so).
 */
export function encodeMentions(draft: string, picked: readonly PickedMention[]): string {
  if (!picked.length) return draft;
  const byLength = [...picked].sort((a, b) => b.label.length - a.label.length);
  let out = "";
  let i = 0;
  while (i < draft.length) {
    if (draft[i] === "@") {
      const hit = byLength.find((p) => p.label && draft.startsWith(p.label, i + 1));
      if (hit) {
        out += mentionToken(hit.id);
        i += 1 + hit.label.length;
        continue;
      }
    }
    out += draft[i];
    i += 1;
  }
  return out;
}

/**
 * The label a newly picked person gets in the draft: their name, unless someone else picked in
 * this draft already wrote it (namesakes), then the name with the job title or a number.
 */
export function labelFor(person: { id: string; label: string; detail?: string | null }, picked: readonly PickedMention[]): string {
  const same = picked.find((p) => p.id === person.id);
  if (same) return same.label;
  const taken = (label: string) => picked.some((p) => p.label === label);
  if (!taken(person.label)) return person.label;
  if (person.detail && !taken(`${person.label} (${person.detail})`)) return `${person.label} (${person.detail})`;
  let n = 2;
  while (taken(`${person.label} (${n})`)) n += 1;
  return `${person.label} (${n})`;
}

/** The first words of a comment for a notice: whole words up to about `max` characters, on one line. */
export function firstWords(text: string, max = 120): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max + 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : line.slice(0, max)).trimEnd()}…`;
}
