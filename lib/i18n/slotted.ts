/**
 * A message with a plain `{argument}`, formatted once for a whole list.
 *
 * next-intl formats a message that has arguments through intl-messageformat, and finding the cached
 * formatter costs each call a merge and a JSON serialisation of every date and number format (some
 * 10-20 µs). A list that labels each of its fifty rows that way (the Delegated page's "Select task
 * #N" boxes) spent about a millisecond of its render there. `slotted(t("select", { number: SLOT }))`
 * formats the message once with a marker where the argument goes; the function it returns puts each
 * row's value in its place (every place, if a translation repeats the argument).
 *
 * Only for arguments the message prints as they are (`{number}`, `{name}`): one that the message
 * formats or chooses by (`{count, plural, …}`, `{when, date}`) needs `t()` for each value.
 */
export const SLOT = "\u0000";

export function slotted(formatted: string): (value: string | number) => string {
  const parts = formatted.split(SLOT);
  return parts.length === 1 ? () => formatted : (value) => parts.join(String(value));
}
