import { count, eq } from "drizzle-orm";
import type { Db } from "../index";
import { caseActivity, caseAssignRights, caseStatus, cases, clientContacts, clients, departments, teamMembers, teams, users } from "../schema";
import { demoDayAt } from "./demo-dates";

/** The password of every demo account (shown in the README). */
export const DEMO_PASSWORD = "Baton-demo-2026";
export const DEMO_DOMAIN = "polmet.example";

type Role = "admin" | "manager" | "member";
type Mode = "office" | "field" | "remote" | "away";
interface DemoUser {
  key: string;
  name: string;
  title: string;
  role: Role;
  department: "sales" | "service" | "admin";
  teams: string[];
  supervisor?: string;
  phone: string;
  mode?: Mode;
  locale?: "pl" | "en";
  timeZone?: string;
}

// Polmet Serwis sp. z o.o.: a Polish distributor and service company for commercial kitchens.
const DEPARTMENTS = { sales: "Sprzedaż", service: "Serwis", admin: "Administracja" } as const;
const TEAMS: Record<string, { name: string; department: keyof typeof DEPARTMENTS }> = {
  key: { name: "Klienci kluczowi", department: "sales" },
  regional: { name: "Sprzedaż regionalna", department: "sales" },
  offers: { name: "Biuro ofert", department: "sales" },
  south: { name: "Serwis terenowy Południe", department: "service" },
  north: { name: "Serwis terenowy Północ", department: "service" },
  dispatch: { name: "Koordynacja serwisu", department: "service" },
  board: { name: "Zarząd", department: "admin" },
  office: { name: "Biuro", department: "admin" },
};

export const DEMO_USERS: DemoUser[] = [
  {
    key: "admin",
    name: "Ewa Wiśniewska",
    title: "Administratorka systemu",
    role: "admin",
    department: "admin",
    teams: ["office"],
    supervisor: "ceo",
    phone: "+48601100200",
  },
  { key: "ceo", name: "Krzysztof Zieliński", title: "Prezes zarządu", role: "manager", department: "admin", teams: ["board"], phone: "+48601100100" },
  {
    key: "salesdir",
    name: "Tomasz Nowak",
    title: "Dyrektor sprzedaży",
    role: "manager",
    department: "sales",
    teams: ["board", "key"],
    supervisor: "ceo",
    phone: "+48602200100",
  },
  {
    key: "assistant",
    name: "Magdalena Wójcik",
    title: "Asystentka dyrektora sprzedaży",
    role: "member",
    department: "sales",
    teams: ["key"],
    supervisor: "salesdir",
    phone: "+48602200101",
  },
  {
    key: "salesmgr",
    name: "Piotr Kamiński",
    title: "Kierownik sprzedaży regionalnej",
    role: "manager",
    department: "sales",
    teams: ["regional"],
    supervisor: "salesdir",
    phone: "+48602200110",
  },
  {
    key: "sales1",
    name: "Katarzyna Lewandowska",
    title: "Opiekunka klientów kluczowych",
    role: "member",
    department: "sales",
    teams: ["key"],
    supervisor: "salesdir",
    phone: "+48602200120",
  },
  {
    key: "sales2",
    name: "Michał Dąbrowski",
    title: "Przedstawiciel handlowy",
    role: "member",
    department: "sales",
    teams: ["regional"],
    supervisor: "salesmgr",
    phone: "+48602200121",
    mode: "field",
  },
  {
    key: "sales3",
    name: "Natalia Mazur",
    title: "Przedstawicielka handlowa",
    role: "member",
    department: "sales",
    teams: ["regional"],
    supervisor: "salesmgr",
    phone: "+48602200122",
    mode: "remote",
  },
  {
    key: "offers",
    name: "Agnieszka Szymańska",
    title: "Specjalistka ds. ofert",
    role: "member",
    department: "sales",
    teams: ["offers"],
    supervisor: "salesdir",
    phone: "+48602200130",
  },
  {
    key: "servicemgr",
    name: "Marek Woźniak",
    title: "Kierownik serwisu",
    role: "manager",
    department: "service",
    teams: ["dispatch"],
    supervisor: "ceo",
    phone: "+48603300100",
  },
  {
    key: "dispatcher",
    name: "Joanna Kozłowska",
    title: "Koordynatorka serwisu",
    role: "member",
    department: "service",
    teams: ["dispatch"],
    supervisor: "servicemgr",
    phone: "+48603300101",
  },
  {
    key: "foreman",
    name: "Grzegorz Jankowski",
    title: "Brygadzista serwisu Południe",
    role: "manager",
    department: "service",
    teams: ["south"],
    supervisor: "servicemgr",
    phone: "+48603300110",
    mode: "field",
  },
  {
    key: "tech1",
    name: "Paweł Krawczyk",
    title: "Serwisant",
    role: "member",
    department: "service",
    teams: ["south"],
    supervisor: "foreman",
    phone: "+48603300111",
    mode: "field",
  },
  {
    key: "tech2",
    name: "Łukasz Piotrowski",
    title: "Serwisant",
    role: "member",
    department: "service",
    teams: ["south"],
    supervisor: "foreman",
    phone: "+48603300112",
    mode: "field",
  },
  {
    key: "tech3",
    name: "Adam Grabowski",
    title: "Serwisant",
    role: "member",
    department: "service",
    teams: ["north"],
    supervisor: "servicemgr",
    phone: "+48603300120",
    mode: "field",
  },
  {
    key: "tech4",
    name: "Oliver Schmidt",
    title: "Service technician (DACH)",
    role: "member",
    department: "service",
    teams: ["north"],
    supervisor: "servicemgr",
    phone: "+4915112345678",
    mode: "field",
    locale: "en",
    timeZone: "Europe/Berlin",
  },
  {
    key: "accounting",
    name: "Barbara Pawłowska",
    title: "Główna księgowa",
    role: "member",
    department: "admin",
    teams: ["office"],
    supervisor: "ceo",
    phone: "+48601100210",
  },
  {
    key: "reception",
    name: "Zofia Michalska",
    title: "Recepcja i biuro",
    role: "member",
    department: "admin",
    teams: ["office"],
    supervisor: "admin",
    phone: "+48601100220",
  },
];

export function demoEmail(key: string): string {
  const user = DEMO_USERS.find((u) => u.key === key);
  if (!user) throw new Error(`unknown demo user ${key}`);
  return `${asciiSlug(user.name)}@${DEMO_DOMAIN}`;
}

function asciiSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/ł/g, "l")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\s+/g, ".");
}

const CLIENTS = [
  {
    key: "wawel",
    name: "Hotel Wawel Residence sp. z o.o.",
    taxId: "6762451230",
    city: "Kraków",
    address: "ul. Grodzka 48, 31-044 Kraków",
    email: "recepcja@wawelresidence.example",
    phone: "+48124210500",
    manager: "sales1",
    contacts: [
      ["Jolanta Bielecka", "Dyrektorka hotelu", "j.bielecka@wawelresidence.example", "+48601420100"],
      ["Rafał Sowa", "Szef kuchni", "kuchnia@wawelresidence.example", "+48601420101"],
    ],
  },
  {
    key: "klos",
    name: "Piekarnia Złoty Kłos s.c.",
    taxId: "7792310457",
    city: "Poznań",
    address: "ul. Głogowska 112, 60-243 Poznań",
    email: "biuro@zlotyklos.example",
    phone: "+48618650200",
    manager: "sales2",
    contacts: [["Henryk Kłosowski", "Współwłaściciel", "henryk@zlotyklos.example", "+48605330200"]],
  },
  {
    key: "szpital",
    name: "Szpital Powiatowy w Tarnowie",
    taxId: "8732019983",
    city: "Tarnów",
    address: "ul. Szpitalna 13, 33-100 Tarnów",
    email: "zamowienia@szpital-tarnow.example",
    phone: "+48146312000",
    manager: "sales1",
    contacts: [
      ["Dorota Kaczmarek", "Kierowniczka działu żywienia", "d.kaczmarek@szpital-tarnow.example", "+48606120300"],
      ["Stanisław Wróbel", "Dział zamówień publicznych", "zp@szpital-tarnow.example", "+48146312050"],
    ],
  },
  {
    key: "baltyk",
    name: "Logistyka Bałtyk S.A.",
    taxId: "5842290314",
    city: "Gdańsk",
    address: "ul. Przemysłowa 4, 80-542 Gdańsk",
    email: "kontakt@logistykabaltyk.example",
    phone: "+48583410900",
    manager: "sales3",
    contacts: [["Ireneusz Zając", "Kierownik stołówki pracowniczej", "i.zajac@logistykabaltyk.example", "+48607550400"]],
  },
  {
    key: "mazury",
    name: "Zakłady Mięsne Mazury sp. z o.o.",
    taxId: "7393014562",
    city: "Olsztyn",
    address: "ul. Lubelska 30, 10-409 Olsztyn",
    email: "sekretariat@zmmazury.example",
    phone: "+48895330700",
    manager: "sales3",
    contacts: [["Aleksandra Król", "Dyrektorka techniczna", "a.krol@zmmazury.example", "+48608660500"]],
  },
  {
    key: "lex",
    name: "Restauracja Pod Lipami",
    taxId: "5213345576",
    city: "Warszawa",
    address: "ul. Nowy Świat 22, 00-373 Warszawa",
    email: "rezerwacje@podlipami.example",
    phone: "+48226201100",
    manager: "sales2",
    contacts: [["Wojciech Lis", "Właściciel", "wojtek@podlipami.example", "+48609770600"]],
  },
  {
    key: "uczelnia",
    name: "Stołówka Akademicka Politechniki Śląskiej",
    taxId: "6310200736",
    city: "Gliwice",
    address: "ul. Akademicka 2A, 44-100 Gliwice",
    email: "stolowka@polsl.example",
    phone: "+48322371000",
    manager: "sales1",
    contacts: [["Renata Adamczyk", "Kierowniczka stołówki", "r.adamczyk@polsl.example", "+48600880700"]],
  },
  {
    key: "catering",
    name: "Catering Smaki Podhala sp. z o.o.",
    taxId: "7352881144",
    city: "Nowy Targ",
    address: "ul. Kolejowa 9, 34-400 Nowy Targ",
    email: "zamowienia@smakipodhala.example",
    phone: "+48182664400",
    manager: "sales2",
    contacts: [["Janusz Gąsienica", "Prezes", "prezes@smakipodhala.example", "+48601990800"]],
  },
] as const;

type Kind = "sales_opportunity" | "quote_request" | "service_request";
type Status = (typeof caseStatus.enumValues)[number];
type Priority = "low" | "normal" | "high" | "urgent";
const CASES: Array<{
  client: string;
  kind: Kind;
  title: string;
  description: string;
  owner: string;
  status: Status;
  priority: Priority;
  dueInDays: number | null;
}> = [
  {
    client: "wawel",
    kind: "sales_opportunity",
    title: "Wymiana linii piekarniczej w kuchni hotelowej",
    description: "Hotel planuje wymianę dwóch pieców konwekcyjno-parowych i szafy garowniczej przed sezonem letnim.",
    owner: "sales1",
    status: "in_progress",
    priority: "high",
    dueInDays: 21,
  },
  {
    client: "wawel",
    kind: "service_request",
    title: "Piec konwekcyjny Rational: błąd czujnika temperatury",
    description: "Piec nr 2 zgłasza błąd Service 34. Kuchnia pracuje na jednym piecu.",
    owner: "tech1",
    status: "new",
    priority: "urgent",
    dueInDays: 1,
  },
  {
    client: "klos",
    kind: "quote_request",
    title: "Oferta na dzierżawę pieca obrotowego",
    description: "Klient prosi o ofertę dzierżawy na 36 miesięcy z serwisem.",
    owner: "offers",
    status: "in_progress",
    priority: "normal",
    dueInDays: 5,
  },
  {
    client: "klos",
    kind: "service_request",
    title: "Przegląd okresowy zmywarki tunelowej",
    description: "Coroczny przegląd zgodnie z umową serwisową.",
    owner: "tech2",
    status: "new",
    priority: "low",
    dueInDays: 14,
  },
  {
    client: "szpital",
    kind: "sales_opportunity",
    title: "Przetarg: wyposażenie kuchni szpitalnej",
    description: "Postępowanie przetargowe na wyposażenie kuchni centralnej, termin składania ofert za 4 tygodnie.",
    owner: "salesdir",
    status: "in_progress",
    priority: "high",
    dueInDays: 28,
  },
  {
    client: "szpital",
    kind: "quote_request",
    title: "Wycena wózków bemarowych (12 szt.)",
    description: "Zapytanie działu żywienia o wózki do dystrybucji posiłków.",
    owner: "offers",
    status: "waiting",
    priority: "normal",
    dueInDays: 3,
  },
  {
    client: "baltyk",
    kind: "sales_opportunity",
    title: "Modernizacja stołówki pracowniczej",
    description: "Rozmowy o kompleksowej modernizacji zaplecza kuchennego dla 400 posiłków dziennie.",
    owner: "sales3",
    status: "new",
    priority: "normal",
    dueInDays: 45,
  },
  {
    client: "baltyk",
    kind: "service_request",
    title: "Nieszczelność drzwi komory chłodniczej",
    description: "Uszczelka drzwi komory nr 1 do wymiany, temperatura rośnie w nocy.",
    owner: "tech3",
    status: "in_progress",
    priority: "high",
    dueInDays: 2,
  },
  {
    client: "mazury",
    kind: "quote_request",
    title: "Oferta na kotły warzelne 300 l",
    description: "Dwa kotły warzelne z mieszadłem, montaż i szkolenie.",
    owner: "offers",
    status: "new",
    priority: "high",
    dueInDays: 7,
  },
  {
    client: "mazury",
    kind: "service_request",
    title: "Awaria maszyny do lodu",
    description: "Maszyna nie produkuje lodu od rana, sprawdzić sprężarkę.",
    owner: "tech4",
    status: "new",
    priority: "urgent",
    dueInDays: 0,
  },
  {
    client: "lex",
    kind: "sales_opportunity",
    title: "Nowa linia chłodnicza baru",
    description: "Restauracja otwiera bar koktajlowy; potrzebne witryny i lodówki podblatowe.",
    owner: "sales2",
    status: "won",
    priority: "normal",
    dueInDays: -10,
  },
  {
    client: "lex",
    kind: "service_request",
    title: "Kalibracja pieca do pizzy",
    description: "Nierównomierne wypiekanie, prośba o kalibrację termostatu.",
    owner: "tech2",
    status: "resolved",
    priority: "normal",
    dueInDays: -3,
  },
  {
    client: "uczelnia",
    kind: "quote_request",
    title: "Zapytanie o patelnie przechylne",
    description: "Dwie patelnie elektryczne 80 l, dostawa w wakacje.",
    owner: "offers",
    status: "in_progress",
    priority: "normal",
    dueInDays: 10,
  },
  {
    client: "uczelnia",
    kind: "sales_opportunity",
    title: "Umowa serwisowa na rok akademicki",
    description: "Pakiet przeglądów i czas reakcji 24 h.",
    owner: "sales1",
    status: "lost",
    priority: "low",
    dueInDays: -20,
  },
  {
    client: "catering",
    kind: "service_request",
    title: "Wymiana grzałek w szafie grzewczej",
    description: "Dwie grzałki przepalone, części zamówione.",
    owner: "tech1",
    status: "waiting",
    priority: "normal",
    dueInDays: 4,
  },
  {
    client: "catering",
    kind: "sales_opportunity",
    title: "Rozbudowa kuchni cateringowej",
    description: "Klient rozważa drugą linię produkcyjną na wesela.",
    owner: "salesmgr",
    status: "in_progress",
    priority: "high",
    dueInDays: 30,
  },
];

/**
 * Seeds the demo organisation once: a database that already has users is left alone.
 * Returns whether anything was written.
 */
export async function seedDemo(db: Db, passwordHash: string, now: Date = new Date()): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0) return false;

  await db.transaction(async (tx) => {
    const deptIds: Record<string, string> = {};
    for (const [key, name] of Object.entries(DEPARTMENTS)) {
      const [row] = await tx.insert(departments).values({ name }).returning({ id: departments.id });
      deptIds[key] = row!.id;
    }
    const teamIds: Record<string, string> = {};
    for (const [key, team] of Object.entries(TEAMS)) {
      const [row] = await tx.insert(teams).values({ name: team.name, departmentId: deptIds[team.department]! }).returning({ id: teams.id });
      teamIds[key] = row!.id;
    }
    const userIds: Record<string, string> = {};
    for (const u of DEMO_USERS) {
      const [row] = await tx
        .insert(users)
        .values({
          email: demoEmail(u.key),
          name: u.name,
          title: u.title,
          passwordHash,
          role: u.role,
          departmentId: deptIds[u.department]!,
          phone: u.phone,
          // Demo numbers count as verified so SMS notices show in the development mailbox at once.
          phoneVerifiedAt: new Date(),
          workingMode: u.mode ?? "office",
          locale: u.locale ?? "pl",
          timeZone: u.timeZone ?? "Europe/Warsaw",
        })
        .returning({ id: users.id });
      userIds[u.key] = row!.id;
      for (const team of u.teams) await tx.insert(teamMembers).values({ teamId: teamIds[team]!, userId: row!.id });
    }
    for (const u of DEMO_USERS) {
      if (!u.supervisor) continue;
      await tx.update(users).set({ supervisorId: userIds[u.supervisor]! }).where(eq(users.id, userIds[u.key]!));
    }

    const clientIds: Record<string, string> = {};
    for (const c of CLIENTS) {
      const [row] = await tx
        .insert(clients)
        .values({ name: c.name, taxId: c.taxId, city: c.city, address: c.address, email: c.email, phone: c.phone, accountManagerId: userIds[c.manager]! })
        .returning({ id: clients.id });
      clientIds[c.key] = row!.id;
      for (const [name, position, email, phone] of c.contacts) {
        await tx.insert(clientContacts).values({ clientId: row!.id, name, position, email, phone });
      }
    }
    for (const c of CASES) {
      // Due mid-afternoon N days from today in Warsaw.
      const due = c.dueInDays === null ? null : demoDayAt(now, c.dueInDays, 16);
      const [row] = await tx
        .insert(cases)
        .values({
          kind: c.kind,
          title: c.title,
          description: c.description,
          status: c.status,
          priority: c.priority,
          ownerId: userIds[c.owner]!,
          clientId: clientIds[c.client]!,
          dueAt: due,
          createdById: userIds.salesdir!,
        })
        .returning({ id: cases.id, createdAt: cases.createdAt });
      // The case's history starts with its opening, as a case opened in the app does.
      await tx.insert(caseActivity).values({
        caseId: row!.id,
        actorId: userIds.salesdir!,
        kind: "created",
        field: "ownerId",
        newValue: userIds[c.owner]!,
        createdAt: row!.createdAt,
      });
    }
    // The service dispatcher hands service requests out to the technicians: an admin gave her the right.
    await tx.insert(caseAssignRights).values({ userId: userIds.dispatcher!, kind: "service_request", grantedById: userIds.admin! });
    await (await import("./demo-tasks")).seedDemoTasks(tx, now);
    await (await import("./demo-calendar")).seedDemoCalendar(tx, now, userIds, clientIds);
    await (await import("./demo-resources")).seedDemoResources(tx, now, userIds, deptIds);
  });
  return true;
}
