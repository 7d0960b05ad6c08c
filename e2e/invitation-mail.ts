import { expect } from "@playwright/test";
import { sentMessages } from "./support";

/** An invitation e-mail as the fake providers took it over SMTP: its text and calendar part (lines unfolded). */
export interface SentInvitation {
  subject: string;
  text: string;
  calendar: string;
  /** The one-click "accept" link. */
  link: string | undefined;
}

/** Every invitation e-mail (one with a calendar part) `email` got whose calendar part names `uidOrTitle`, oldest first. */
export async function invitationsTo(email: string, uidOrTitle: string): Promise<SentInvitation[]> {
  return (await sentMessages(email)).emails.flatMap((m) => {
    // Unfolded: a long line goes on after CRLF and a space.
    const calendar = m.calendar?.replace(/\r\n[ \t]/g, "");
    if (!calendar || !(calendar.includes(uidOrTitle) || m.subject.includes(uidOrTitle))) return [];
    const link = m.text?.match(/https?:\/\/\S+\/invitations\/[\w-]+\?answer=accepted/)?.[0];
    return [{ subject: m.subject, text: m.text ?? "", calendar, link }];
  });
}

/** The invitation e-mail `email` got for `title` (waiting for it): its "accept" link and its calendar part. */
export async function invitationFor(email: string, title: string): Promise<{ link: string; calendar: string }> {
  let found: { link: string; calendar: string } | undefined;
  await expect
    .poll(
      async () => {
        const mail = (await invitationsTo(email, title)).find((m) => m.subject === `Zaproszenie: ${title}` && m.link);
        found = mail ? { link: mail.link!, calendar: mail.calendar } : undefined;
        return Boolean(found);
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return found!;
}
