"use client";

import { clsx } from "clsx";
import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ChipList } from "@/components/ui/chip-list";
import { controlClass, Field } from "@/components/ui/field";
import { SearchPicker } from "@/components/ui/search-picker";
import { useAction } from "@/components/ui/use-action";
import { deleteCalendarGroupAction, saveCalendarGroupAction } from "@/lib/calendar/actions";
import type { LanePerson, PeopleSet } from "@/lib/calendar/lanes";

// The people search takes at most this many ids to leave out (lib/pickers/query.ts).
const PICKER_EXCLUDE_MAX = 10;

/**
 * Who is shown: a person found by name, a whole team or department, or a saved group; each
 * person removed on their own. The choice itself lives in the parent, which remembers it.
 */
export function PeopleChooser({
  chosen,
  teams,
  departments,
  groups,
  notice,
  onAdd,
  onRemove,
  onReplace,
  onGroupsChange,
}: {
  chosen: LanePerson[];
  teams: (PeopleSet & { departmentName: string })[];
  departments: PeopleSet[];
  groups: PeopleSet[];
  notice: string | null;
  onAdd: (people: LanePerson[]) => void;
  onRemove: (id: string) => void;
  onReplace: (people: LanePerson[]) => void;
  onGroupsChange: (groups: PeopleSet[]) => void;
}) {
  const t = useTranslations("calendar.lanes");
  const [setKey, setSetKey] = useState("");
  const [groupId, setGroupId] = useState("");
  const [groupName, setGroupName] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const save = useAction(saveCalendarGroupAction);
  const remove = useAction(deleteCalendarGroupAction);
  const sets = new Map<string, PeopleSet>([...teams.map((s) => [`team:${s.id}`, s] as const), ...departments.map((s) => [`department:${s.id}`, s] as const)]);
  const group = groups.find((g) => g.id === groupId) ?? groups[0];
  const ids = chosen.map((p) => p.id);

  async function saveGroup(event: React.FormEvent) {
    event.preventDefault();
    const name = groupName.trim();
    const result = await save.run({ name, memberIds: ids });
    if (!result.ok) return;
    onGroupsChange([...groups, { id: result.data.id, name, people: chosen }].sort((a, b) => a.name.localeCompare(b.name)));
    setGroupId(result.data.id);
    setGroupName("");
    setMessage(t("groupSaved", { name }));
  }

  async function deleteGroup() {
    if (!group) return;
    const result = await remove.run({ id: group.id });
    if (!result.ok) return;
    onGroupsChange(groups.filter((g) => g.id !== group.id));
    setGroupId("");
    setMessage(t("groupDeleted"));
  }

  return (
    <section aria-labelledby="lanes-chooser" className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="lanes-chooser" className="text-sm font-semibold">
          {t("chooser")} <span className="font-normal text-slate-500">({t("count", { count: chosen.length })})</span>
        </h2>
        {chosen.length ? (
          <Button size="sm" variant="ghost" onClick={() => onReplace([])}>
            {t("clear")}
          </Button>
        ) : null}
      </div>
      <ChipList items={chosen.map((person) => ({ id: person.id, label: person.name }))} onRemove={onRemove} look="outlined" />
      {notice ? (
        <p role="status" className="text-xs text-amber-800">
          {notice}
        </p>
      ) : null}

      <div className="grid gap-3 md:grid-cols-3">
        <Field id="lanes-add-person" label={t("addPerson")}>
          <SearchPicker
            id="lanes-add-person"
            source="people"
            params={{ scope: "active", exclude: ids.length <= PICKER_EXCLUDE_MAX ? ids.join(",") : undefined }}
            value={null}
            placeholder={t("addPersonPlaceholder")}
            onChange={(item) => {
              if (item) onAdd([{ id: item.id, name: item.label }]);
            }}
          />
        </Field>

        <form
          className="space-y-1"
          onSubmit={(e) => {
            e.preventDefault();
            const set = sets.get(setKey);
            if (set) onAdd(set.people);
          }}
        >
          <label htmlFor="lanes-add-set" className="block text-xs font-medium text-slate-700">
            {t("addSet")}
          </label>
          <div className="flex gap-1.5">
            <select id="lanes-add-set" value={setKey} onChange={(e) => setSetKey(e.target.value)} className={clsx(controlClass, "min-w-0 flex-1")}>
              <option value="">{t("choose")}</option>
              <optgroup label={t("teams")}>
                {teams.map((team) => (
                  <option key={team.id} value={`team:${team.id}`}>
                    {t("setOption", { name: `${team.name} · ${team.departmentName}`, count: team.people.length })}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t("departments")}>
                {departments.map((d) => (
                  <option key={d.id} value={`department:${d.id}`}>
                    {t("setOption", { name: d.name, count: d.people.length })}
                  </option>
                ))}
              </optgroup>
            </select>
            <Button type="submit" disabled={!sets.has(setKey)}>
              {t("add")}
            </Button>
          </div>
        </form>

        <Field id="lanes-group" label={t("groups")}>
          <div className="flex gap-1.5">
            <select
              id="lanes-group"
              value={group?.id ?? ""}
              onChange={(e) => setGroupId(e.target.value)}
              disabled={!groups.length}
              className={clsx(controlClass, "min-w-0 flex-1")}
            >
              {groups.length ? null : <option value="">—</option>}
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {t("setOption", { name: g.name, count: g.people.length })}
                </option>
              ))}
            </select>
            <Button disabled={!group} onClick={() => group && onReplace(group.people)}>
              {t("show")}
            </Button>
            <Button variant="danger" disabled={!group || remove.pending} onClick={deleteGroup} aria-label={t("deleteGroup")} title={t("deleteGroup")}>
              <X aria-hidden className="h-4 w-4" />
            </Button>
          </div>
        </Field>
      </div>

      <form onSubmit={saveGroup} className="flex flex-wrap items-end gap-1.5">
        <Field id="lanes-group-name" label={t("groupName")}>
          <input
            id="lanes-group-name"
            value={groupName}
            onChange={(e) => setGroupName(e.target.value)}
            maxLength={80}
            aria-invalid={save.error ? true : undefined}
            aria-describedby={save.error ? "lanes-group-error" : undefined}
            className={clsx(controlClass, "w-64 max-w-full")}
          />
        </Field>
        <Button type="submit" disabled={!groupName.trim() || !chosen.length || save.pending}>
          {t("saveGroup")}
        </Button>
        {save.error || remove.error ? (
          <p id="lanes-group-error" role="alert" className="w-full text-xs text-red-700">
            {save.error ?? remove.error}
          </p>
        ) : message ? (
          <p role="status" className="w-full text-xs text-emerald-700">
            {message}
          </p>
        ) : null}
      </form>
    </section>
  );
}
