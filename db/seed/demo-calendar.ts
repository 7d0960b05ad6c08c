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
  /** Repeats for ever from its first week, by this RRULE (as the entry form writes it) in Warsaw time. */
  rule?: string;
}

// A working week for the service department and the regional sellers, so a team's week side by
// side (/calendar/people) looks like one: service calls, a trip of two days, an early start and
// an evening on call (past the working hours the lanes show), a private errand, a fair.
const weekdays = [1, 2, 3, 4, 5];
const SERVICE_WEEK: DemoEntry[] = [
  ...weekdays.map((day) => ({ owner: "dispatcher", title: "Przydział zleceń na dzień", week: 0, day, at: "07:30", minutes: 30, location: "Biuro serwisu" })),
  { owner: "dispatcher", title: "Szkolenie z nowego systemu zleceń", week: 0, day: 3, at: "13:00", minutes: 90, location: "Sala szkoleniowa" },
  { owner: "dispatcher", title: "Rozliczenie delegacji", week: 0, day: 5, at: "11:00", minutes: 60 },
  { owner: "servicemgr", title: "Rozmowa z dostawcą części Rational", week: 0, day: 3, at: "10:00", minutes: 90, location: "Sala konferencyjna B" },
  { owner: "servicemgr", title: "Reklamacja: chłodnia w szpitalu", week: 0, day: 4, at: "09:00", minutes: 60, client: "szpital" },
  { owner: "servicemgr", title: "Doradca podatkowy", week: 0, day: 5, at: "13:00", minutes: 120, private: true },
  {
    owner: "foreman",
    title: "Odprawa brygady Południe",
    week: 0,
    day: 2,
    at: "07:00",
    minutes: 45,
    attendees: [
      ["tech1", "accepted"],
      ["tech2", "accepted"],
    ],
  },
  {
    owner: "foreman",
    title: "Odbiór techniczny kuchni szpitalnej",
    week: 0,
    day: 3,
    at: "10:00",
    minutes: 120,
    location: "Szpital Powiatowy, Tarnów",
    client: "szpital",
  },
  { owner: "foreman", title: "Inwentaryzacja magazynu części", week: 0, day: 5, at: "12:00", minutes: 180, location: "Magazyn" },
  { owner: "tech1", title: "Serwis pieca – Catering Smaki Podhala", week: 0, day: 1, at: "09:00", minutes: 120, location: "Nowy Targ", client: "catering" },
  { owner: "tech1", title: "Odbiór części z hurtowni", week: 0, day: 2, at: "13:00", minutes: 60 },
  { owner: "tech1", title: "Dojazd do Olsztyna", week: 0, day: 3, at: "05:30", minutes: 210 },
  {
    owner: "tech1",
    title: "Naprawa agregatu chłodniczego",
    week: 0,
    day: 3,
    at: "10:00",
    minutes: 240,
    location: "Zakłady Mięsne Mazury, Olsztyn",
    client: "mazury",
  },
  {
    owner: "tech1",
    title: "Przegląd zmywarek w stołówce",
    week: 0,
    day: 5,
    at: "08:00",
    minutes: 180,
    location: "Politechnika Śląska, Gliwice",
    client: "uczelnia",
  },
  {
    owner: "tech2",
    title: "Montaż zmywarki kapturowej",
    week: 0,
    day: 1,
    at: "08:00",
    minutes: 240,
    location: "Restauracja Pod Lipami, Warszawa",
    client: "lex",
  },
  { owner: "tech2", title: "Wymiana uszczelek drzwi chłodni", week: 0, day: 2, at: "10:00", minutes: 150, location: "Hotel Wawel Residence", client: "wawel" },
  { owner: "tech2", title: "Sprawa w urzędzie", week: 0, day: 3, at: "08:00", minutes: 60, private: true },
  { owner: "tech2", title: "Kalibracja pieców", week: 0, day: 3, at: "11:00", minutes: 180, location: "Piekarnia Złoty Kłos", client: "klos" },
  { owner: "tech2", title: "Szkolenie obsługi dla kucharzy", week: 0, day: 5, at: "14:00", minutes: 90, client: "catering" },
  { owner: "tech3", title: "Naprawa taśmociągu", week: 0, day: 1, at: "10:00", minutes: 150, location: "Logistyka Bałtyk, Gdańsk", client: "baltyk" },
  { owner: "tech3", title: "Delegacja: modernizacja chłodni Bałtyk", week: 0, day: 2, at: "08:00", minutes: 33 * 60, location: "Gdańsk", client: "baltyk" },
  { owner: "tech3", title: "Dyżur serwisowy", week: 0, day: 5, at: "17:00", minutes: 240 },
  { owner: "tech4", title: "Schulung Rational iCombi", week: 0, day: 1, days: 2, location: "Landsberg am Lech" },
  { owner: "tech4", title: "Service call: combi steamer", week: 0, day: 3, at: "09:00", minutes: 120, location: "Berlin" },
  { owner: "tech4", title: "Remote support Poznań", week: 0, day: 4, at: "15:00", minutes: 60 },
  { owner: "tech4", title: "Ersatzteilbestellung", week: 0, day: 5, at: "10:00", minutes: 45 },
];
const REGIONAL_SALES_WEEK: DemoEntry[] = [
  { owner: "salesmgr", title: "Wizyta u klienta: Restauracja Pod Lipami", week: 0, day: 2, at: "12:00", minutes: 90, location: "Warszawa", client: "lex" },
  {
    owner: "salesmgr",
    title: "Prezentacja oferty dla stołówki",
    week: 0,
    day: 4,
    at: "09:00",
    minutes: 180,
    location: "Gliwice",
    client: "uczelnia",
    attendees: [["sales3", "accepted"]],
  },
  { owner: "salesmgr", title: "Prognoza sprzedaży Q1", week: 0, day: 3, at: "15:00", minutes: 90 },
  { owner: "sales2", title: "Wizyta: Catering Smaki Podhala", week: 0, day: 1, at: "13:00", minutes: 120, location: "Nowy Targ", client: "catering" },
  { owner: "sales2", title: "Urlop", week: 0, day: 3, days: 2 },
  { owner: "sales2", title: "Telefony do klientów", week: 0, day: 2, at: "09:00", minutes: 60 },
  { owner: "sales2", title: "Oferta na linię piekarniczą", week: 0, day: 5, at: "10:00", minutes: 120, client: "klos" },
  { owner: "sales3", title: "Szkolenie produktowe Winterhalter", week: 0, day: 2, at: "11:00", minutes: 120, location: "Sala szkoleniowa" },
  { owner: "sales3", title: "Negocjacje: Logistyka Bałtyk", week: 0, day: 3, at: "08:30", minutes: 60, client: "baltyk" },
  { owner: "sales3", title: "Targi Gastro – stoisko Polmet", week: 0, day: 5, at: "09:00", minutes: 480, location: "EXPO Kraków" },
];

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
  // Recurring meetings from before the October clock change: still at their Warsaw time after it.
  {
    owner: "servicemgr",
    title: "Odprawa działu serwisu",
    week: -8,
    day: 1,
    at: "08:30",
    minutes: 45,
    location: "Sala konferencyjna B",
    rule: "FREQ=WEEKLY;BYDAY=MO",
    // The department's whole staff, so the team's week shows the briefing in every lane.
    attendees: [
      ["dispatcher", "accepted"],
      ["foreman", "accepted"],
      ["tech1", "accepted"],
      ["tech2", "accepted"],
      ["tech3", "tentative"],
    ],
  },
  { owner: "foreman", title: "Grafik dyżurów busa serwisowego", week: -8, day: 5, at: "14:00", minutes: 30, location: "Magazyn", rule: "FREQ=WEEKLY;BYDAY=FR" },
  {
    owner: "salesdir",
    title: "Przegląd lejka sprzedaży",
    week: -8,
    day: 4,
    at: "15:00",
    minutes: 60,
    location: "Sala konferencyjna A",
    rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
    attendees: [
      ["salesmgr", "accepted"],
      ["sales1", "accepted"],
      ["sales2", "needs_action"],
    ],
  },
  ...SERVICE_WEEK,
  ...REGIONAL_SALES_WEEK,
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
        ...(e.rule && time.startsAt ? { recurrenceRule: e.rule, recurrenceZone: "Europe/Warsaw" } : {}),
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
