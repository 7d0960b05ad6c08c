import { Plus } from "lucide-react";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { ExportLinks } from "@/components/ui/export-links";
import { FilterPanel } from "@/components/ui/filter-panel";
import type { Db } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import { isDefault, listQuery, parseListParams, type SearchParams } from "@/lib/tasks/list-params";
import { listTasks, type TaskListView } from "@/lib/tasks/lists";
import { chosenClient } from "@/lib/pickers/clients";
import { chosenPerson } from "@/lib/pickers/people";
import { casesOfClient, hasPeopleUnder } from "@/lib/tasks/queries";
import { departmentsToShareWith, normalizedQuery, viewsOfList } from "@/lib/tasks/views";
import { BulkSelection } from "./bulk-selection";
import { SavedViews } from "./saved-views";
import { Pager } from "./pager";
import { StatusChips } from "./status-chips";
import { TaskFilters } from "./task-filters";
import { TaskTable } from "./task-table";
import { now } from "@/lib/time/clock";
import { TaskTabs, VIEW_PATH } from "./task-tabs";
import { LayoutSwitch, TaskBoardView } from "./task-board-view";

const TEXT = {
  mine: { title: "mineTitle", description: "mineDescription", empty: "emptyMine", hint: "emptyMineHint" },
  delegated: { title: "delegatedTitle", description: "delegatedDescription", empty: "emptyDelegated", hint: "emptyDelegatedHint" },
  team: { title: "teamTitle", description: "teamDescription", empty: "emptyTeam", hint: "emptyTeamHint" },
} as const;

const FILTERS = ["person", "priority", "due", "client", "case"] as const;

/** One of the three task lists, driven entirely by the URL's search parameters; the page gives it the database. */
export async function TaskListPage({ db, viewer, view, searchParams }: { db: Db; viewer: Viewer; view: TaskListView; searchParams: SearchParams }) {
  const t = await getTranslations("tasks.list");
  const tt = await getTranslations("tasks.templates");
  const params = parseListParams(searchParams);
  const path = VIEW_PATH[view];
  // The list's overdue flags and its table read one instant of the product's clock.
  const at = now();
  const personScope = view === "team" ? "team" : "active";
  // The filters get only what is chosen: the pickers search the rest on the server as one types.
  const [list, showTeam, person, client, cases, views, departments] = await Promise.all([
    listTasks(db, viewer, view, params, at),
    hasPeopleUnder(db, viewer),
    chosenPerson(db, viewer, personScope, params.person, true),
    chosenClient(db, viewer, params.client),
    params.client ? casesOfClient(db, params.client) : Promise.resolve([]),
    viewsOfList(db, viewer, view),
    departmentsToShareWith(db, viewer),
  ]);
  const text = TEXT[view];
  const board = params.layout === "board";
  const active = FILTERS.filter((k) => !isDefault(params, k)).length;
  return (
    <>
      <PageHeader
        title={t(text.title)}
        description={t(text.description)}
        actions={
          <>
            <LayoutSwitch params={params} path={path} />
            {list.total ? <ExportLinks path="/api/export/tasks" query={`view=${view}${listQuery(params, { page: 1 }).replace(/^\?/, "&")}`} /> : null}
            <Link href="/tasks/templates" className={buttonClass("secondary")}>
              {tt("title")}
            </Link>
            <Link href="/tasks/new" className={buttonClass("primary")}>
              <Plus aria-hidden className="h-4 w-4" />
              {t("newTask")}
            </Link>
          </>
        }
      />
      <TaskTabs view={view} showTeam={showTeam} />
      <SavedViews list={view} path={path} query={normalizedQuery(listQuery(params))} own={views.own} shared={views.shared} departments={departments} />
      <StatusChips counts={list.counts} params={params} path={path} />
      <FilterPanel active={active}>
        <TaskFilters
          path={path}
          params={params}
          personRole={view === "mine" ? "delegator" : "assignee"}
          personScope={personScope}
          filtered={active > 0}
          carry={[
            ...(["status", "sort", "layout"] as const).filter((k) => !isDefault(params, k)).map((k): [string, string] => [k, String(params[k])]),
            ["dir", params.dir],
          ]}
          choices={{ person, client, cases }}
        />
      </FilterPanel>
      {board ? (
        <TaskBoardView db={db} viewer={viewer} view={view} params={params} path={path} now={at} caption={t(text.title)} />
      ) : list.rows.length ? (
        <>
          <BulkSelection ids={list.rows.map((r) => r.id)}>
            <TaskTable view={view} rows={list.rows} params={params} path={path} now={at} selectable />
          </BulkSelection>
          <Pager total={list.total} params={params} path={path} />
        </>
      ) : (
        <EmptyState title={t(text.empty)}>{t(text.hint)}</EmptyState>
      )}
    </>
  );
}
