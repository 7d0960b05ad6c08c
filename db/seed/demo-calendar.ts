import { calendarEntries, calendarEntryAttendees, calendarGrants, calendars, cases } from "../schema";
import type { DbOrTx } from "../index";
import { demoWeekDate, demoWeekDayAt } from "./demo-dates";

type Response = "needs_action" | "accepted" | "tentative" | "declined";

interface DemoEntry {
  owner: string;
  title: string;
  /** Week from this one (0), ISO weekday (1 = Monday), start "09:00" and length in minutes; or all day for `days`. */
  week: number;
  day: number;
  at?: string;
  minutes?: number;
  days?: number;
  location?: string;
  description?: string;
  private?: boolean;
  client?: string;
  case?: string;
  attendees?: [string, Response][];
}

// The demo's week: regular meetings, client visits, service calls, a trade fair, and the sales
// director's private entries (which his assistant, who edits his calendar, sees only as "Busy").
const ENTRIES: DemoEntry[] = [
  ...[-1, 0, 1].map((week) => ({
    owner: "salesdir",
    title: "Odprawa działu sprzedaży",
    week,
    day: 1,
    at: "09:00",
    minutes: 60,
    location: "Sala konferencyjna A",
    attendees: [
      ["salesmgr", "accepted"],
      ["sales1", "accepted"],
      ["sales2", week < 0 ? "accepted" : "needs_action"],
      ["sales3", "tentative"],
      ["assistant", "accepted"],
    ] as [string, Response][],
  })),
  {
    owner: "salesdir",
    title: "Spotkanie z dyrekcją hotelu Wawel",
    week: 0,
    day: 3,
    at: "11:00",
    minutes: 90,
    location: "Hotel Wawel Residence, ul. Grodzka 12, Kraków",
    description: "Omówienie oferty na wymianę linii piekarniczej; zabrać katalog Rational.",
    client: "wawel",
    case: "Wymiana linii piekarniczej w kuchni hotelowej",
    attendees: [
      ["sales1", "accepted"],
      ["assistant", "needs_action"],
    ],
  },
  { owner: "salesdir", title: "Wizyta u lekarza", week: 0, day: 4, at: "08:00", minutes: 60, private: true },
  {
    owner: "salesdir",
    title: "Rozmowa roczna – Piotr Kamiński",
    week: 0,
    day: 5,
    at: "14:00",
    minutes: 45,
    private: true,
    attendees: [["salesmgr", "accepted"]],
  },
  {
    owner: "salesdir",
    title: "Poufne: rabat roczny dla Złotego Kłosu",
    week: 0,
    day: 2,
    at: "16:00",
    minutes: 30,
    location: "Gabinet dyrektora",
    description: "Górna granica rabatu: 12 %.",
    private: true,
    client: "klos",
    case: "Oferta na dzierżawę pieca obrotowego",
  },
  { owner: "salesdir", title: "Targi HORECA", week: 1, day: 3, days: 2, location: "EXPO Kraków" },
  {
    owner: "ceo",
    title: "Posiedzenie zarządu",
    week: 0,
    day: 2,
    at: "10:00",
    minutes: 120,
    location: "Sala zarządu",
    attendees: [
      ["salesdir", "accepted"],
      ["servicemgr", "declined"],
    ],
  },
  {
    owner: "servicemgr",
    title: "Planowanie tras serwisowych",
    week: 0,
    day: 1,
    at: "08:00",
    minutes: 30,
    attendees: [
      ["dispatcher", "accepted"],
      ["foreman", "accepted"],
    ],
  },
  {
    owner: "tech1",
    title: "Naprawa pieca Rational",
    week: 0,
    day: 2,
    at: "09:00",
    minutes: 150,
    location: "Hotel Wawel Residence, Kraków",
    client: "wawel",
    case: "Piec konwekcyjny Rational: błąd czujnika temperatury",
  },
  {
    owner: "tech2",
    title: "Przegląd zmywarki tunelowej",
    week: 0,
    day: 4,
    at: "10:00",
    minutes: 120,
    location: "Piekarnia Złoty Kłos, Wieliczka",
    client: "klos",
    case: "Przegląd okresowy zmywarki tunelowej",
  },
  {
    owner: "foreman",
    title: "Szkolenie BHP dla serwisu",
    week: 0,
    day: 4,
    at: "13:00",
    minutes: 120,
    location: "Magazyn, sala szkoleniowa",
    attendees: [
      ["tech1", "accepted"],
      ["tech2", "accepted"],
      ["tech3", "tentative"],
    ],
  },
  { owner: "assistant", title: "Przygotować salę na spotkanie z Wawelem", week: 0, day: 3, at: "10:00", minutes: 30 },
  { owner: "sales1", title: "Urlop", week: 1, day: 4, days: 2 },
];

/** Seeds the demo calendars (called from seedDemo, inside its transaction). Times are Warsaw wall clock in the weeks around `now`. */
export async function seedDemoCalendar(tx: DbOrTx, now: Date, userIds: Record<string, string>, clientIds: Record<string, string>): Promise<void> {
  const caseRows = await tx.select({ id: cases.id, title: cases.title }).from(cases);
  const calendarOf = new Map<string, string>();
  for (const [key, userId] of Object.entries(userIds)) {
    const [row] = await tx.insert(calendars).values({ userId }).returning({ id: calendars.id });
    calendarOf.set(key, row!.id);
  }
  for (const e of ENTRIES) {
    const start = e.at ? demoWeekDayAt(now, e.week, e.day, e.at) : null;
    const time = start
      ? { allDay: false, startsAt: start, endsAt: new Date(start.getTime() + e.minutes! * 60_000) }
      : { allDay: true, startDate: demoWeekDate(now, e.week, e.day), endDate: demoWeekDate(now, e.week, e.day + (e.days ?? 1)) };
    const [row] = await tx
      .insert(calendarEntries)
      .values({
        calendarId: calendarOf.get(e.owner)!,
        title: e.title,
        description: e.description ?? null,
        location: e.location ?? null,
        visibility: e.private ? "private" : "normal",
        ...time,
        clientId: e.client ? (clientIds[e.client] ?? null) : null,
        caseId: e.case ? (caseRows.find((c) => c.title === e.case)?.id ?? null) : null,
        createdById: userIds[e.owner]!,
      })
      .returning({ id: calendarEntries.id });
    if (e.attendees?.length) {
      await tx.insert(calendarEntryAttendees).values(
        e.attendees.map(([key, response]) => ({
          entryId: row!.id,
          userId: userIds[key]!,
          response,
          respondedAt: response === "needs_action" ? null : now,
          startsAt: time.startsAt ?? null,
          startDate: time.startDate ?? null,
        })),
      );
    }
  }
  // The sales director's assistant runs his calendar, but his private entries stay his.
  await tx.insert(calendarGrants).values({ ownerId: userIds.salesdir!, granteeId: userIds.assistant!, canEdit: true, canSeePrivate: false });
}
