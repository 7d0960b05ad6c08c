"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { FormAlert, SavedNote } from "@/components/ui/form-alert";
import { useAction } from "@/components/ui/use-action";
import { bookResourceAction } from "@/lib/resources/actions";
import type { ConflictDetails } from "@/lib/resources/conflicts";
import { instantToWallClock } from "@/lib/time/wall-clock";

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

  // The datetime-local inputs speak the viewer's wall clock.
  const wall = (iso: string) => instantToWallClock(new Date(iso), timeZone);

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
      {details ? (
        <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {details.alternatives.length ? (
            <div>
              <p className="font-medium">{t("alternatives")}</p>
              <ul className="list-disc pl-5">
                {details.alternatives.map((a) => (
                  <li key={a.id}>
                    <Link className="underline focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none" href={`/resources/${a.id}`}>
                      {a.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p>{t("noAlternatives")}</p>
          )}
          {details.nextFree ? (
            <p className="flex flex-wrap items-center gap-2">
              {t("nextFree", { from: wall(details.nextFree.start).replace("T", " ") })}
              <Button size="sm" onClick={() => setTimes({ start: wall(details.nextFree!.start), end: wall(details.nextFree!.end) })}>
                {t("useNextFree")}
              </Button>
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={book.pending}>
          {t("submit")}
        </Button>
        <SavedNote show={saved && !book.error}>{t("saved")}</SavedNote>
      </div>
    </form>
  );
}
