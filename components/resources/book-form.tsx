"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { FormAlert, SavedNote } from "@/components/ui/form-alert";
import { useAction } from "@/components/ui/use-action";
import { bookResourceAction } from "@/lib/resources/actions";
import type { ConflictDetails } from "@/lib/resources/conflicts";
import { ConflictHelp } from "./conflict-help";

/**
 * Books the resource for a time typed in the viewer's zone. A conflict shows who holds the time
 * and offers free rooms of the same kind and place, and the next free slot of this one.
 */
export function BookForm({ resourceId, timeZone }: { resourceId: string; timeZone: string }) {
  const t = useTranslations("resources.form");
  const id = useId();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const [times, setTimes] = useState({ start: "", end: "" });
  const book = useAction(bookResourceAction, () => {
    setSaved(true);
    router.refresh();
  });
  const details = book.result && !book.result.ok ? (book.result.details as ConflictDetails | undefined) : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const data = new FormData(event.currentTarget);
    void book.run({ resourceId, start: times.start, end: times.end, purpose: String(data.get("purpose") ?? "") });
  }

  const fields = [
    { name: "start", label: t("start") },
    { name: "end", label: t("end") },
  ] as const;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("title")}</h2>
      <div className="grid gap-3 sm:grid-cols-2">
        {fields.map((f) => (
          <Field key={f.name} id={`${id}-${f.name}`} label={f.label} errors={book.errorsFor(f.name)}>
            <Input
              id={`${id}-${f.name}`}
              type="datetime-local"
              name={f.name}
              value={times[f.name]}
              onChange={(e) => setTimes((now) => ({ ...now, [f.name]: e.target.value }))}
              aria-invalid={!!book.errorsFor(f.name)}
              aria-describedby={describedBy(`${id}-${f.name}`, book.errorsFor(f.name))}
            />
          </Field>
        ))}
      </div>
      <Field id={`${id}-purpose`} label={t("purpose")} errors={book.errorsFor("purpose")}>
        <Input
          id={`${id}-purpose`}
          name="purpose"
          autoComplete="off"
          aria-invalid={!!book.errorsFor("purpose")}
          aria-describedby={describedBy(`${id}-purpose`, book.errorsFor("purpose"))}
        />
      </Field>
      <FormAlert error={book.fieldErrors ? undefined : book.error} />
      {details ? <ConflictHelp details={details} timeZone={timeZone} onUseNextFree={setTimes} /> : null}
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={book.pending}>
          {t("submit")}
        </Button>
        <SavedNote show={saved && !book.error}>{t("saved")}</SavedNote>
      </div>
    </form>
  );
}
