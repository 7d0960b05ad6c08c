import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/auth/auth-frame";
import { InvitationAnswerForm } from "@/components/calendar/invitation-answer-form";
import { getDb } from "@/db";
import { answerLinkState } from "@/lib/calendar/answer-link";
import { formatEntryTime } from "@/lib/calendar/entry-format";
import { ANSWERS, type Answer } from "@/lib/calendar/types";
import { systemNow } from "@/lib/time/clock";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invitations.answer");
  // The token is the authority: it must not travel on to another site in a Referer.
  return { title: t("title"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ answer?: string | string[] }> };

/**
 * The page an invitation's answer link opens, signed in or not. Opening it changes nothing (mail
 * scanners open links first): it shows the meeting, the attendee's answer, and the answer the
 * link offered for confirmation; a link that cannot answer gets a page that says why.
 */
export default async function InvitationAnswerPage({ params, searchParams }: Props) {
  const { token } = await params;
  const { answer } = await searchParams;
  const t = await getTranslations("invitations.answer");
  const state = await answerLinkState(await getDb(), token, systemNow());
  if (!state.ok)
    return (
      <AuthFrame title={t(`${state.refusal}Title`)} intro={t(state.refusal)}>
        {null}
      </AuthFrame>
    );

  const { invitation } = state;
  const locale = (await getLocale()) === "en" ? "en" : "pl";
  const reader = { locale, timeZone: invitation.attendee.timeZone } as const;
  const chosen = ANSWERS.find((a): a is Answer => a === answer) ?? null;
  return (
    <AuthFrame title={t("title")} intro={t("intro", { organizer: invitation.organizer })}>
      <div className="mb-4 space-y-2">
        <h2 className="text-lg font-semibold break-words text-slate-900">{invitation.title}</h2>
        <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-500">{t("when")}</dt>
          <dd className="text-slate-800">{formatEntryTime(invitation.time, reader)}</dd>
          {invitation.location ? (
            <>
              <dt className="text-slate-500">{t("where")}</dt>
              <dd className="break-words text-slate-800">{invitation.location}</dd>
            </>
          ) : null}
          <dt className="text-slate-500">{t("organizer")}</dt>
          <dd className="text-slate-800">{invitation.organizer}</dd>
        </dl>
        {invitation.time.allDay ? null : <p className="text-xs text-slate-500">{t("zone", { zone: invitation.attendee.timeZone })}</p>}
      </div>
      <InvitationAnswerForm token={token} current={invitation.response} chosen={chosen} />
    </AuthFrame>
  );
}
