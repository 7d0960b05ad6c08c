/** A moment due within this long before it was set still fires: the person has just set it. */
export const PAST_GRACE_MS = 60_000;

/**
 * The one rule for every kind of moment: a moment already past when it was set is not sent
 * (a task created due four days ago tells nobody it is overdue; a reminder set after its moment
 * stays silent). A moment that was set while still ahead and has come since is not past when set.
 */
export function isPastWhenSet(at: Date, setAt: Date): boolean {
  return at.getTime() < setAt.getTime() - PAST_GRACE_MS;
}
