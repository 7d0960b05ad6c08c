import { getTranslations } from "next-intl/server";
import { Badge, type Tone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { DeliveryLogRow, InvitationMailStatus } from "@/lib/calendar/delivery-log";
import { formatInstantFor, type InstantReader } from "@/lib/i18n/format-for";
import { ResponseBadge } from "./response-badge";

const STATUS_TONE: Record<InvitationMailStatus, Tone> = { sent: "green", failed: "red", skipped: "amber", pending: "slate", in_app: "slate" };

/**
 * Per attendee, the newest invitation e-mail (what, where it stands, when) and the answer (how it
 * came and when): for the organiser and editors, on the entry page. The page passes only the rows
 * lib/calendar/delivery-log.ts let the viewer have.
 */
export async function DeliveryLog({ rows, reader }: { rows: DeliveryLogRow[]; reader: InstantReader }) {
  const t = await getTranslations("invitations");
  return (
    <Card title={t("deliveryLog.title")}>
      {rows.length ? <DeliveryTable rows={rows} reader={reader} /> : <p className="text-sm text-slate-500">{t("deliveryLog.empty")}</p>}
    </Card>
  );
}

async function DeliveryTable({ rows, reader }: { rows: DeliveryLogRow[]; reader: InstantReader }) {
  const t = await getTranslations("invitations");
  const reasons = await getTranslations("inbox.reason");
  return (
    <Table caption={t("deliveryLog.caption")}>
      <thead>
        <tr>
          <Th>{t("deliveryLog.attendee")}</Th>
          <Th>{t("deliveryLog.mail")}</Th>
          <Th>{t("deliveryLog.answer")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map(({ attendee, mail, answer }) => (
          <tr key={`${attendee.type}:${attendee.id}`} data-testid="delivery-log-row">
            <Td className="align-top">
              <span className="block break-words">{attendee.name}</span>
              <span className="block text-xs break-all text-slate-500">
                {[attendee.name !== attendee.email ? attendee.email : null, attendee.type === "guest" ? t("detail.guest") : null].filter(Boolean).join(" · ")}
              </span>
            </Td>
            <Td className="align-top">
              {mail ? (
                <>
                  <span className="flex flex-wrap items-center gap-1.5">
                    <span>{t(`deliveryLog.kind.${mail.kind}`)}</span>
                    <Badge tone={STATUS_TONE[mail.status]}>{t(`deliveryLog.status.${mail.status}`)}</Badge>
                  </span>
                  <span className="block text-xs text-slate-500">
                    <time dateTime={mail.at.toISOString()}>{formatInstantFor(mail.at, reader)}</time>
                    {" · "}
                    {t("deliveryLog.sequence", { sequence: mail.sequence })}
                    {mail.reason && (mail.status === "failed" || mail.status === "skipped") ? ` · ${reasons(mail.reason)}` : null}
                  </span>
                </>
              ) : (
                <span className="text-slate-500">{t("deliveryLog.noMail")}</span>
              )}
            </Td>
            <Td className="align-top">
              {answer ? (
                <>
                  <ResponseBadge response={answer.response} />
                  <span className="block text-xs text-slate-500">
                    {answer.via ? t(`deliveryLog.via.${answer.via}`) : null}
                    {answer.via && answer.at ? " · " : null}
                    {answer.at ? <time dateTime={answer.at.toISOString()}>{formatInstantFor(answer.at, reader)}</time> : null}
                  </span>
                </>
              ) : (
                <span className="text-slate-500">{t("deliveryLog.notAnswered")}</span>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
