import type { DbOrTx } from "../index";
import { cases, clients, taskActivity, taskChecklistItems, taskReminders, taskTemplates, tasks, users } from "../schema";
import { demoDayAt } from "./demo-dates";

type Status = (typeof tasks.status.enumValues)[number];
type Priority = "low" | "normal" | "high" | "urgent";
type Kind = (typeof taskActivity.kind.enumValues)[number];

interface DemoTask {
  from: string;
  to: string;
  title: string;
  description?: string;
  priority: Priority;
  /** Days from today and the hour, in Warsaw; null: no due date. */
  due: [number, number] | null;
  status: Status;
  progress: number;
  acceptance?: boolean;
  client?: string;
  case?: string;
  createdDaysAgo: number;
  reminder?: number;
  /** Made from this demo template (by title): its description, checklist and reminder are the template's. */
  template?: string;
  /** What happened since, oldest first, as [days ago, who, kind, field, old, new, comment]. */
  story?: Array<[number, string, Kind, string | null, string | null, string | null, string | null]>;
}

// Polmet Serwis at work: a foreman following up his technicians, sales chasing quotes, a CEO
// waiting for a report. Names are the demo people's; clients and cases come from demo.ts.
const TASKS: DemoTask[] = [
  {
    from: "Grzegorz Jankowski",
    to: "Paweł Krawczyk",
    priority: "urgent",
    due: [0, 14],
    status: "in_progress",
    progress: 60,
    acceptance: true,
    title: "Wymienić czujnik temperatury w piecu Rational nr 2",
    description:
      "Piec zgłasza błąd Service 34. Zabrać czujnik z magazynu (indeks RAT-87.00.141), po wymianie wykonać test programu „pieczenie 180°C” i spisać protokół.",
    client: "Hotel Wawel Residence sp. z o.o.",
    case: "Piec konwekcyjny Rational: błąd czujnika temperatury",
    createdDaysAgo: 1,
    reminder: 60,
    story: [
      [1, "Paweł Krawczyk", "status", "status", "open", "in_progress", null],
      [1, "Paweł Krawczyk", "progress", "progress", "0", "30", null],
      [0, "Paweł Krawczyk", "comment", null, null, null, "Czujnik odebrany z magazynu, jestem w hotelu ok. 11:00."],
      [0, "Paweł Krawczyk", "progress", "progress", "30", "60", null],
    ],
  },
  {
    from: "Grzegorz Jankowski",
    to: "Paweł Krawczyk",
    priority: "normal",
    due: [-2, 16],
    status: "open",
    progress: 0,
    title: "Uzupełnić protokół serwisowy z wizyty w Smakach Podhala",
    description: "Brakuje numerów seryjnych wymienionych grzałek i podpisu klienta.",
    client: "Catering Smaki Podhala sp. z o.o.",
    case: "Wymiana grzałek w szafie grzewczej",
    createdDaysAgo: 5,
  },
  {
    from: "Grzegorz Jankowski",
    to: "Łukasz Piotrowski",
    priority: "low",
    due: [6, 9],
    status: "open",
    progress: 0,
    title: "Przegląd okresowy zmywarki tunelowej",
    client: "Piekarnia Złoty Kłos s.c.",
    case: "Przegląd okresowy zmywarki tunelowej",
    createdDaysAgo: 2,
    template: "Przegląd okresowy",
  },
  {
    from: "Grzegorz Jankowski",
    to: "Łukasz Piotrowski",
    priority: "normal",
    due: [-1, 12],
    status: "awaiting_acceptance",
    progress: 100,
    acceptance: true,
    title: "Kalibracja termostatu pieca do pizzy – protokół końcowy",
    client: "Restauracja Pod Lipami",
    case: "Kalibracja pieca do pizzy",
    createdDaysAgo: 4,
    story: [
      [3, "Łukasz Piotrowski", "status", "status", "open", "in_progress", null],
      [1, "Łukasz Piotrowski", "status", "status", "in_progress", "awaiting_acceptance", null],
      [
        1,
        "Łukasz Piotrowski",
        "comment",
        null,
        null,
        null,
        "Termostat skalibrowany, różnica temperatur na płycie poniżej 5°C. Protokół w załączniku do sprawy.",
      ],
    ],
  },
  {
    from: "Grzegorz Jankowski",
    to: "Łukasz Piotrowski",
    priority: "low",
    due: null,
    status: "cancelled",
    progress: 0,
    title: "Inwentaryzacja części w samochodzie serwisowym",
    createdDaysAgo: 9,
    story: [[2, "Grzegorz Jankowski", "status", "status", "open", "cancelled", "Inwentaryzację zrobi magazyn przy przeglądzie floty."]],
  },
  {
    from: "Grzegorz Jankowski",
    to: "Paweł Krawczyk",
    priority: "low",
    due: [-3, 15],
    status: "done",
    progress: 100,
    acceptance: true,
    title: "Potwierdzić udział w szkoleniu BHP",
    createdDaysAgo: 8,
    story: [
      [4, "Paweł Krawczyk", "status", "status", "open", "awaiting_acceptance", null],
      [3, "Grzegorz Jankowski", "accepted", "status", "awaiting_acceptance", "done", null],
    ],
  },
  {
    from: "Marek Woźniak",
    to: "Grzegorz Jankowski",
    priority: "normal",
    due: [3, 12],
    status: "in_progress",
    progress: 40,
    title: "Grafik dyżurów serwisowych na przyszły miesiąc",
    createdDaysAgo: 3,
  },
  {
    from: "Marek Woźniak",
    to: "Adam Grabowski",
    priority: "high",
    due: [1, 10],
    status: "in_progress",
    progress: 20,
    title: "Wymienić uszczelkę drzwi komory chłodniczej nr 1",
    client: "Logistyka Bałtyk S.A.",
    case: "Nieszczelność drzwi komory chłodniczej",
    createdDaysAgo: 2,
    reminder: 120,
  },
  {
    from: "Marek Woźniak",
    to: "Oliver Schmidt",
    priority: "urgent",
    due: [0, 18],
    status: "open",
    progress: 0,
    title: "Diagnoza sprężarki maszyny do lodu",
    description: "Klient zgłasza brak produkcji lodu od rana. Sprawdzić sprężarkę i presostat.",
    client: "Zakłady Mięsne Mazury sp. z o.o.",
    case: "Awaria maszyny do lodu",
    createdDaysAgo: 0,
  },
  {
    from: "Tomasz Nowak",
    to: "Agnieszka Szymańska",
    priority: "high",
    due: [4, 15],
    status: "in_progress",
    progress: 50,
    acceptance: true,
    title: "Przygotować ofertę na kotły warzelne 300 l",
    description: "Dwa kotły z mieszadłem, montaż i szkolenie. Rabat do 8% bez mojej zgody.",
    client: "Zakłady Mięsne Mazury sp. z o.o.",
    case: "Oferta na kotły warzelne 300 l",
    createdDaysAgo: 3,
  },
  {
    from: "Tomasz Nowak",
    to: "Katarzyna Lewandowska",
    priority: "high",
    due: [10, 12],
    status: "in_progress",
    progress: 25,
    title: "Skompletować dokumentację przetargową",
    client: "Szpital Powiatowy w Tarnowie",
    case: "Przetarg: wyposażenie kuchni szpitalnej",
    createdDaysAgo: 6,
  },
  {
    from: "Piotr Kamiński",
    to: "Michał Dąbrowski",
    priority: "normal",
    due: [-1, 11],
    status: "open",
    progress: 0,
    title: "Prezentacja witryn chłodniczych u klienta",
    client: "Restauracja Pod Lipami",
    createdDaysAgo: 7,
  },
  {
    from: "Piotr Kamiński",
    to: "Natalia Mazur",
    priority: "normal",
    due: [7, 10],
    status: "open",
    progress: 0,
    title: "Zebrać wymagania do modernizacji stołówki",
    client: "Logistyka Bałtyk S.A.",
    case: "Modernizacja stołówki pracowniczej",
    createdDaysAgo: 1,
  },
  {
    from: "Katarzyna Lewandowska",
    to: "Katarzyna Lewandowska",
    priority: "normal",
    due: [1, 10],
    status: "open",
    progress: 0,
    title: "Zadzwonić do hotelu w sprawie terminu demonstracji",
    client: "Hotel Wawel Residence sp. z o.o.",
    case: "Wymiana linii piekarniczej w kuchni hotelowej",
    createdDaysAgo: 1,
    reminder: 30,
  },
  {
    from: "Joanna Kozłowska",
    to: "Paweł Krawczyk",
    priority: "normal",
    due: [-1, 9],
    status: "done",
    progress: 100,
    title: "Potwierdzić termin wizyty w szpitalu",
    client: "Szpital Powiatowy w Tarnowie",
    createdDaysAgo: 3,
    story: [[1, "Paweł Krawczyk", "status", "status", "open", "done", null]],
  },
  {
    from: "Krzysztof Zieliński",
    to: "Tomasz Nowak",
    priority: "high",
    due: [2, 9],
    status: "in_progress",
    progress: 70,
    title: "Raport sprzedaży za ostatni kwartał",
    createdDaysAgo: 10,
  },
  {
    from: "Tomasz Nowak",
    to: "Magdalena Wójcik",
    priority: "low",
    due: [-4, 12],
    status: "done",
    progress: 100,
    title: "Zarezerwować salę na spotkanie z dyrekcją hotelu",
    client: "Hotel Wawel Residence sp. z o.o.",
    createdDaysAgo: 6,
    story: [[5, "Magdalena Wójcik", "status", "status", "open", "done", null]],
  },
];

/** The service department's templates, kept by its foreman: the periodic service case's task starts from one. */
const TEMPLATES = [
  {
    owner: "Grzegorz Jankowski",
    title: "Przegląd okresowy",
    description: "Zgodnie z umową serwisową: wymiana filtrów, kontrola dozowników, test temperatury płukania.",
    priority: "low" as const,
    checklist: [
      "Wymienić filtry",
      "Skontrolować dozowniki detergentu i nabłyszczacza",
      "Zmierzyć temperaturę płukania",
      "Sprawdzić szczelność węży i uszczelek",
      "Protokół podpisany przez klienta",
    ],
    dueInWorkingDays: 5,
    reminders: [{ offsetMinutes: 1440, channel: null }],
  },
];

/** Seeds the demo tasks into the demo organisation (called from seedDemo, inside its transaction). */
export async function seedDemoTasks(tx: DbOrTx, now: Date): Promise<void> {
  const people = new Map((await tx.select({ id: users.id, name: users.name }).from(users)).map((u) => [u.name, u.id]));
  const clientIds = new Map((await tx.select({ id: clients.id, name: clients.name }).from(clients)).map((c) => [c.name, c.id]));
  const caseRows = await tx.select({ id: cases.id, title: cases.title, clientId: cases.clientId }).from(cases);
  const person = (name: string) => {
    const id = people.get(name);
    if (!id) throw new Error(`demo task: no user ${name}`);
    return id;
  };
  const owners = new Map((await tx.select({ id: users.id, departmentId: users.departmentId }).from(users)).map((u) => [u.id, u.departmentId]));
  const templates = new Map<string, (typeof TEMPLATES)[number]>();
  for (const t of TEMPLATES) {
    const ownerId = person(t.owner);
    await tx.insert(taskTemplates).values({ ...t, ownerId, departmentId: owners.get(ownerId) ?? null });
    templates.set(t.title, t);
  }
  for (const d of TASKS) {
    const template = d.template ? templates.get(d.template) : undefined;
    if (d.template && !template) throw new Error(`demo task: no template ${d.template}`);
    const kase = d.case ? caseRows.find((c) => c.title === d.case) : undefined;
    const createdAt = new Date(Math.min(demoDayAt(now, -d.createdDaysAgo, 8).getTime() + 17 * 60_000, now.getTime() - 3600_000));
    const story = d.story ?? [];
    const lastAt = story.length ? storyAt(now, story[story.length - 1]![0], story.length) : createdAt;
    const [task] = await tx
      .insert(tasks)
      .values({
        title: d.title,
        description: d.description ?? template?.description ?? null,
        priority: d.priority,
        status: d.status,
        progress: d.progress,
        dueAt: d.due ? demoDayAt(now, d.due[0], d.due[1]) : null,
        assigneeId: person(d.to),
        createdById: person(d.from),
        clientId: kase?.clientId ?? (d.client ? clientIds.get(d.client) : undefined) ?? null,
        caseId: kase?.id ?? null,
        needsAcceptance: d.acceptance ?? false,
        version: 1 + story.filter(([, , kind]) => kind !== "comment").length,
        completedAt: d.status === "done" ? lastAt : null,
        createdAt,
        updatedAt: lastAt,
        lastActivityAt: lastAt,
      })
      .returning({ id: tasks.id });
    await tx.insert(taskActivity).values([
      { taskId: task!.id, actorId: person(d.from), kind: "created", field: "assigneeId", newValue: person(d.to), createdAt },
      ...story.map(([daysAgo, who, kind, field, oldValue, newValue, comment], i) => ({
        taskId: task!.id,
        actorId: person(who),
        kind,
        field,
        oldValue,
        newValue,
        comment,
        createdAt: storyAt(now, daysAgo, i + 1),
      })),
    ]);
    const reminders = d.reminder ? [d.reminder] : (template?.reminders.map((r) => r.offsetMinutes) ?? []);
    if (reminders.length) await tx.insert(taskReminders).values(reminders.map((offsetMinutes) => ({ taskId: task!.id, offsetMinutes })));
    if (template) {
      await tx
        .insert(taskChecklistItems)
        .values(template.checklist.map((text, position) => ({ taskId: task!.id, text, position, createdById: person(d.from), createdAt })));
    }
  }
}

/** Story steps spread over the working day, in order, never in the future. */
function storyAt(now: Date, daysAgo: number, step: number): Date {
  const at = demoDayAt(now, -daysAgo, 9).getTime() + step * 47 * 60_000;
  return new Date(Math.min(at, now.getTime() - (10 - Math.min(step, 9)) * 60_000));
}
