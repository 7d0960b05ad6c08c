import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { OwnProfile } from "@/lib/org/queries";

/** What the administrator decides about a person, shown read-only on their own profile. */
export async function OrganisationFacts({ profile }: { profile: OwnProfile }) {
  const t = await getTranslations("settings.profile");
  const tc = await getTranslations("common");
  const none = <span className="text-muted">—</span>;
  const facts: Array<[string, React.ReactNode]> = [
    [t("email"), <EmailAddress key="email" email={profile.email} />],
    [t("role"), tc(`role.${profile.role}`)],
    [t("jobTitle"), profile.title ?? none],
    [t("department"), profile.departmentName ?? none],
    [t("teams"), profile.teams.length ? profile.teams.join(", ") : none],
    [t("supervisor"), profile.supervisorName ?? none],
  ];
  return (
    <Card title={t("organisation")} className="self-start">
      <dl className="space-y-2 text-sm">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs font-medium text-slate-500">{label}</dt>
            <dd className="break-words text-slate-800">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 border-t border-slate-100 pt-2 text-xs text-slate-500">{t("organisationHint")}</p>
    </Card>
  );
}

/** Long addresses wrap after the "@" rather than mid-word in the narrow column. */
function EmailAddress({ email }: { email: string }) {
  const at = email.indexOf("@");
  if (at < 0) return <>{email}</>;
  return (
    <>
      {email.slice(0, at + 1)}
      <wbr />
      {email.slice(at + 1)}
    </>
  );
}
