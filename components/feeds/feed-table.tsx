import { getFormatter, getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import { feedClientOf } from "@/lib/feeds/clients";
import type { FeedRow } from "@/lib/feeds/queries";
import { now } from "@/lib/time/clock";
import { FeedControls, RevokeFeedButton } from "./feed-controls";

/** Feeds as a dense table: the owner's own (with all controls) or everyone's for an admin (owner shown, revoke only). */
export async function FeedTable({ feeds, mode, caption }: { feeds: FeedRow[]; mode: "own" | "admin"; caption: string }) {
  const t = await getTranslations("feeds");
  const format = await getFormatter();
  const at = now();
  const shows = (f: FeedRow) => {
    if (f.kind === "own") {
      const base = mode === "own" ? t("ownCalendar") : t("ownCalendarOf", { name: f.ownerName });
      return f.includeTasks ? `${base}, ${t("withTasks")}` : base;
    }
    return `${t(`kinds.${f.kind}`)}: ${f.targetName ?? t("targetGone")}`;
  };
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>{t("columns.name")}</Th>
          <Th>{t("columns.shows")}</Th>
          {mode === "admin" ? <Th>{t("columns.owner")}</Th> : null}
          <Th>{t("columns.lastFetch")}</Th>
          <Th>{t("columns.actions")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {feeds.map((f) => (
          <tr key={f.id}>
            <Td className="font-medium">{f.name}</Td>
            <Td>{shows(f)}</Td>
            {mode === "admin" ? <Td>{f.ownerName}</Td> : null}
            <Td>
              {f.lastFetchedAt ? (
                <time dateTime={f.lastFetchedAt.toISOString()} title={format.dateTime(f.lastFetchedAt, { dateStyle: "medium", timeStyle: "short" })}>
                  {t("fetchedBy", { client: t(`clients.${feedClientOf(f.lastUserAgent)}`), when: format.relativeTime(f.lastFetchedAt, at) })}
                </time>
              ) : (
                <span className="text-slate-500">{t("neverFetched")}</span>
              )}
            </Td>
            <Td>{mode === "own" ? <FeedControls id={f.id} name={f.name} /> : <RevokeFeedButton id={f.id} name={f.name} />}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
