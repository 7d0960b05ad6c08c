"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, CheckboxField, describedBy } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SearchPicker, type PickerItem } from "@/components/ui/search-picker";
import { useAction } from "@/components/ui/use-action";
import { createFeedAction } from "@/lib/feeds/actions";
import { DEFAULT_DAYS_AHEAD, DEFAULT_DAYS_BACK, FEED_KINDS, MAX_DAYS_AHEAD, MAX_DAYS_BACK, MAX_FEED_NAME, type FeedKind } from "@/lib/feeds/types";
import { FeedAddress } from "./feed-address";

export interface FeedGroupOption {
  id: string;
  name: string;
}

/** Makes a feed: what it shows, whose, its name and window; its address is shown once, with subscribe links. */
export function CreateFeedForm({ teams, departments }: { teams: FeedGroupOption[]; departments: FeedGroupOption[] }) {
  const t = useTranslations("feeds");
  const [kind, setKind] = useState<FeedKind>("own");
  const [picked, setPicked] = useState<PickerItem | null>(null);
  const [groupId, setGroupId] = useState("");
  const [name, setName] = useState("");
  const [includeTasks, setIncludeTasks] = useState(false);
  const [daysBack, setDaysBack] = useState(String(DEFAULT_DAYS_BACK));
  const [daysAhead, setDaysAhead] = useState(String(DEFAULT_DAYS_AHEAD));
  const [issued, setIssued] = useState<{ url: string; name: string } | null>(null);
  const create = useAction(createFeedAction);
  const errorsOf = create.errorsFor;
  const targetErrors = errorsOf("targetId");
  const groups = kind === "team" ? teams : departments;

  const targetId = kind === "person" || kind === "resource" ? (picked?.id ?? null) : kind === "own" ? null : groupId || null;

  return (
    <form
      aria-label={t("createForm")}
      className="grid gap-3"
      onSubmit={async (e) => {
        e.preventDefault();
        setIssued(null);
        const r = await create.run({ kind, targetId, name, includeTasks: kind === "own" && includeTasks, daysBack, daysAhead });
        if (r.ok) {
          setIssued({ url: r.data.url, name });
          setName("");
          setPicked(null);
          setGroupId("");
        }
      }}
    >
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="feed-kind" label={t("kind")}>
          <Select
            id="feed-kind"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as FeedKind);
              setPicked(null);
              setGroupId("");
            }}
          >
            {FEED_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        {kind === "person" || kind === "resource" ? (
          <Field id="feed-target" label={t("target")} errors={targetErrors}>
            <SearchPicker
              id="feed-target"
              source={kind === "person" ? "people" : "resources"}
              value={picked}
              onChange={setPicked}
              placeholder={kind === "person" ? t("choosePerson") : t("chooseResource")}
              aria-invalid={targetErrors ? true : undefined}
              aria-describedby={describedBy("feed-target", targetErrors)}
            />
          </Field>
        ) : kind === "team" || kind === "department" ? (
          <Field id="feed-target" label={t("target")} errors={targetErrors}>
            <Select
              id="feed-target"
              value={groupId}
              onChange={(e) => setGroupId(e.target.value)}
              aria-invalid={targetErrors ? true : undefined}
              aria-describedby={describedBy("feed-target", targetErrors)}
            >
              <option value="">{kind === "team" ? t("chooseTeam") : t("chooseDepartment")}</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Field id="feed-name" label={t("name")} hint={t("nameHint")} errors={errorsOf("name")}>
          <Input
            id="feed-name"
            value={name}
            maxLength={MAX_FEED_NAME}
            onChange={(e) => setName(e.target.value)}
            required
            aria-invalid={errorsOf("name") ? true : undefined}
            aria-describedby={describedBy("feed-name", errorsOf("name"), true)}
          />
        </Field>
      </div>
      <div className="grid gap-3 sm:grid-cols-3 sm:items-start">
        <Field id="feed-days-back" label={t("daysBack")} errors={errorsOf("daysBack")}>
          <Input
            id="feed-days-back"
            type="number"
            min={0}
            max={MAX_DAYS_BACK}
            value={daysBack}
            onChange={(e) => setDaysBack(e.target.value)}
            className="w-24"
          />
        </Field>
        <Field id="feed-days-ahead" label={t("daysAhead")} hint={t("windowHint")} errors={errorsOf("daysAhead")}>
          <Input
            id="feed-days-ahead"
            type="number"
            min={1}
            max={MAX_DAYS_AHEAD}
            value={daysAhead}
            onChange={(e) => setDaysAhead(e.target.value)}
            className="w-24"
            aria-describedby={describedBy("feed-days-ahead", errorsOf("daysAhead"), true)}
          />
        </Field>
        {kind === "own" ? (
          <CheckboxField id="feed-tasks" label={t("includeTasks")} checked={includeTasks} onChange={setIncludeTasks} className="sm:pt-5" />
        ) : null}
      </div>
      <FormAlert error={create.fieldErrors ? undefined : create.error} />
      <div>
        <Button type="submit" variant="primary" disabled={create.pending}>
          {t("create")}
        </Button>
      </div>
      {issued ? <FeedAddress url={issued.url} name={issued.name} message={t("created")} /> : null}
    </form>
  );
}
