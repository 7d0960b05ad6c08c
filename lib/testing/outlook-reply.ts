/**
 * A METHOD:REPLY as Outlook (Exchange / Microsoft 365) sends it when someone presses Accept,
 * Tentative or Decline on a Baton invitation: its PRODID, its Windows zone name in a VTIMEZONE
 * beginning in 1601, the answer in SUMMARY's prefix, X-MICROSOFT-CDO-* lines, the attendee's
 * address in the case they typed it, CRLF line ends and lines folded at 75 octets with a space.
 */
export function outlookReply(p: {
  entryId: string;
  organizer: string;
  attendee: { email: string; name: string };
  partstat: "ACCEPTED" | "TENTATIVE" | "DECLINED";
  sequence: number;
  title?: string;
  /** Answering one occurrence of a series: its RECURRENCE-ID as Outlook writes it, in its Windows zone ("20270517T090000"). */
  recurrenceId?: string;
}): string {
  const prefix = { ACCEPTED: "Accepted", TENTATIVE: "Tentative", DECLINED: "Declined" }[p.partstat];
  const lines = [
    "BEGIN:VCALENDAR",
    "METHOD:REPLY",
    "PRODID:Microsoft Exchange Server 2010",
    "VERSION:2.0",
    "BEGIN:VTIMEZONE",
    "TZID:Central European Standard Time",
    "BEGIN:STANDARD",
    "DTSTART:16010101T030000",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:16010101T020000",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
    "BEGIN:VEVENT",
    `ORGANIZER;CN="Tomasz Nowak":mailto:${p.organizer}`,
    `ATTENDEE;PARTSTAT=${p.partstat};CN=${p.attendee.name}:mailto:${p.attendee.email}`,
    "COMMENT;LANGUAGE=pl-PL:\\n",
    `SUMMARY;LANGUAGE=pl-PL:${prefix}: ${p.title ?? "Negocjacje z hotelem"}`,
    "DTSTART;TZID=Central European Standard Time:20270510T090000",
    "DTEND;TZID=Central European Standard Time:20270510T103000",
    `UID:${p.entryId}@baton`,
    ...(p.recurrenceId ? [`RECURRENCE-ID;TZID=Central European Standard Time:${p.recurrenceId}`] : []),
    "CLASS:PUBLIC",
    "PRIORITY:5",
    "DTSTAMP:20270502T071512Z",
    "TRANSP:OPAQUE",
    "STATUS:CONFIRMED",
    `SEQUENCE:${p.sequence}`,
    "LOCATION;LANGUAGE=pl-PL:Kraków\\, ul. Floriańska 1",
    `X-MICROSOFT-CDO-APPT-SEQUENCE:${p.sequence}`,
    "X-MICROSOFT-CDO-OWNERAPPTID:2121505146",
    "X-MICROSOFT-CDO-BUSYSTATUS:BUSY",
    "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY",
    "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE",
    "X-MICROSOFT-CDO-IMPORTANCE:1",
    `X-MICROSOFT-CDO-INSTTYPE:${p.recurrenceId ? 3 : 0}`,
    "X-MICROSOFT-DONOTFORWARDMEETING:FALSE",
    "X-MICROSOFT-DISALLOW-COUNTER:FALSE",
    "X-MICROSOFT-LOCATIONDISPLAYNAME:Kraków\\, ul. Floriańska 1",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}

/** RFC 5545 folding: at most 75 octets a line, continuation lines starting with a space; never inside a character. */
export function fold(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const limit = out.length ? 74 : 75;
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}
