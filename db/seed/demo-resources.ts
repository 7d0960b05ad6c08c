import { and, eq, isNotNull } from "drizzle-orm";
import { bookings, calendarEntries, calendars, resourceDepartments, resources } from "../schema";
import type { DbOrTx } from "../index";
import { demoWeekDayAt } from "./demo-dates";

/**
 * The demo organisation's rooms, kit, service van and demo oven, so /resources and the entry
 * form have something to book on a first start. The meeting rooms carry the names the demo
 * calendar already uses as places: those meetings book them (as a meeting with a room does), and
 * a few bookings stand on their own (the van's round, the oven at a client's tasting).
 */
const OFFICE = "Warszawa, biuro – 2 piętro";
const WAREHOUSE = "Warszawa, magazyn";

const RESOURCES: {
  key: string;
  name: string;
  kind: (typeof resources.$inferInsert)["kind"];
  location: string;
  capacity?: number;
  description?: string;
  maxBookingMinutes?: number;
  hours?: [string, string];
  /** Only this department's people may book it. */
  department?: string;
}[] = [
  {
    key: "roomA",
    name: "Sala konferencyjna A",
    kind: "room",
    location: OFFICE,
    capacity: 12,
    description: "Ekran 75″, kamera, tablica.",
    hours: ["07:00", "20:00"],
  },
  {
    key: "roomB",
    name: "Sala konferencyjna B",
    kind: "room",
    location: OFFICE,
    capacity: 6,
    description: "Mała sala na rozmowy z dostawcami.",
    hours: ["07:00", "20:00"],
  },
  { key: "board", name: "Sala zarządu", kind: "room", location: OFFICE, capacity: 10, description: "Rezerwuje sekretariat zarządu." },
  { key: "training", name: "Sala szkoleniowa", kind: "room", location: OFFICE, capacity: 24, description: "Rzutnik i 12 stanowisk z laptopami." },
  { key: "projector", name: "Rzutnik Epson EB-L630", kind: "device", location: OFFICE, description: "Z kablem HDMI i pilotem; wraca do sekretariatu." },
  { key: "rally", name: "Zestaw wideokonferencyjny Logitech Rally", kind: "conference_kit", location: OFFICE, maxBookingMinutes: 8 * 60 },
  {
    key: "van",
    name: "Ford Transit Custom WX 4821K",
    kind: "vehicle",
    location: WAREHOUSE,
    capacity: 3,
    description: "Bus serwisowy z regałami na części; karta paliwowa w schowku.",
    maxBookingMinutes: 12 * 60,
    hours: ["06:00", "20:00"],
    department: "service",
  },
  {
    key: "oven",
    name: "Piec Rational iCombi Pro 6-1/1 (egzemplarz pokazowy)",
    kind: "demo_product",
    location: WAREHOUSE,
    description: "Na pokazy u klientów; przewóz busem serwisowym.",
    maxBookingMinutes: 3 * 24 * 60,
  },
  {
    key: "van2",
    name: "Toyota Proace WX 5903L",
    kind: "vehicle",
    location: WAREHOUSE,
    capacity: 2,
    description: "Drugi bus serwisowy, mniejszy; na krótkie wyjazdy po Krakowie.",
    maxBookingMinutes: 12 * 60,
    hours: ["06:00", "20:00"],
    department: "service",
  },
  {
    key: "dishwasher",
    name: "Zmywarka Winterhalter UC-M (egzemplarz pokazowy)",
    kind: "demo_product",
    location: WAREHOUSE,
    description: "Na pokazy i testy u klientów; z zestawem koszy i detergentów.",
    maxBookingMinutes: 3 * 24 * 60,
  },
];

/** Bookings of their own: [resource, booker, purpose, week, weekday, from, minutes]. */
const BOOKINGS: [string, string, string, number, number, string, number][] = [
  ["van", "tech1", "Objazd serwisowy: Nowy Targ i Zakopane", 0, 1, "07:00", 10 * 60],
  ["van", "tech2", "Przewóz uszczelek i części do Hotelu Wawel", 0, 2, "08:00", 6 * 60],
  ["van", "foreman", "Odbiór części z hurtowni", 0, 4, "09:00", 3 * 60],
  ["oven", "sales1", "Pokaz u klienta: Restauracja Pod Lipami", 0, 4, "10:00", 5 * 60],
  ["projector", "sales3", "Szkolenie produktowe Winterhalter", 0, 2, "11:00", 120],
  ["rally", "salesmgr", "Wideokonferencja z centralą Rational", 1, 2, "14:00", 60],
  ["van2", "tech3", "Przegląd zmywarek: Bistro Kazimierz", 0, 1, "08:00", 4 * 60],
  ["van2", "tech1", "Wymiana grzałki: Hotel Wawel", 0, 3, "12:00", 3 * 60],
  ["dishwasher", "sales2", "Test u klienta: Stołówka Politechniki", 0, 3, "09:00", 2 * 24 * 60],
  ["training", "servicemgr", "Szkolenie techników: nowe piece Rational", 0, 5, "09:00", 4 * 60],
];

/** Seeds the demo resources and their bookings (called from seedDemo, after the calendar, inside its transaction). */
export async function seedDemoResources(tx: DbOrTx, now: Date, userIds: Record<string, string>, deptIds: Record<string, string>): Promise<void> {
  const ids: Record<string, string> = {};
  for (const r of RESOURCES) {
    const [row] = await tx
      .insert(resources)
      .values({
        name: r.name,
        kind: r.kind,
        location: r.location,
        capacity: r.capacity ?? null,
        description: r.description ?? null,
        maxBookingMinutes: r.maxBookingMinutes ?? null,
        bookableFrom: r.hours?.[0] ?? null,
        bookableUntil: r.hours?.[1] ?? null,
        departmentsOnly: Boolean(r.department),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: resources.id });
    ids[r.key] = row!.id;
    if (r.department) await tx.insert(resourceDepartments).values({ resourceId: row!.id, departmentId: deptIds[r.department]! });
  }

  // Meetings held in a room book it; where two would overlap, the first keeps it (the database refuses a double booking).
  const byName = new Map(RESOURCES.map((r) => [r.name, ids[r.key]!]));
  const taken = new Map<string, { start: number; end: number }[]>();
  const free = (resourceId: string, start: Date, end: Date) => !(taken.get(resourceId) ?? []).some((t) => t.start < end.getTime() && start.getTime() < t.end);
  const take = (resourceId: string, start: Date, end: Date) =>
    taken.set(resourceId, [...(taken.get(resourceId) ?? []), { start: start.getTime(), end: end.getTime() }]);

  const meetings = await tx
    .select({
      id: calendarEntries.id,
      title: calendarEntries.title,
      location: calendarEntries.location,
      startsAt: calendarEntries.startsAt,
      endsAt: calendarEntries.endsAt,
      ownerId: calendars.userId,
    })
    .from(calendarEntries)
    .innerJoin(calendars, eq(calendars.id, calendarEntries.calendarId))
    .where(and(eq(calendarEntries.allDay, false), isNotNull(calendarEntries.location)));
  for (const m of meetings) {
    const resourceId = m.location ? byName.get(m.location) : undefined;
    if (!resourceId || !m.startsAt || !m.endsAt || !m.ownerId || !free(resourceId, m.startsAt, m.endsAt)) continue;
    take(resourceId, m.startsAt, m.endsAt);
    await tx.insert(bookings).values({
      resourceId,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      purpose: m.title,
      bookedById: m.ownerId,
      entryId: m.id,
      createdAt: now,
      updatedAt: now,
    });
  }
  for (const [key, who, purpose, week, day, at, minutes] of BOOKINGS) {
    const start = demoWeekDayAt(now, week, day, at);
    const end = new Date(start.getTime() + minutes * 60_000);
    if (!free(ids[key]!, start, end)) continue;
    take(ids[key]!, start, end);
    await tx
      .insert(bookings)
      .values({ resourceId: ids[key]!, startsAt: start, endsAt: end, purpose, bookedById: userIds[who]!, createdAt: now, updatedAt: now });
  }
}
