import Link from "@/components/ui/link";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";

/**
 * "From template": a plain GET form, so the new-task page is drawn again with the template's
 * title, description, checklist, priority, due date and reminders filled in (and works before
 * the page's scripts load).
 */
export function TemplatePicker({
  templates,
  chosen,
  text,
}: {
  templates: { id: string; title: string }[];
  chosen: string | null;
  text: Record<"fromTemplate" | "noTemplate" | "apply" | "manage", string>;
}) {
  const t = (key: keyof typeof text) => text[key];
  return (
    <form method="get" action="/tasks/new" className="mb-3 flex flex-wrap items-end gap-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
      <div className="space-y-1">
        <label htmlFor="template" className="block text-xs font-medium text-slate-700">
          {t("fromTemplate")}
        </label>
        <Select id="template" name="template" defaultValue={chosen ?? ""} className="w-72">
          <option value="">{t("noTemplate")}</option>
          {templates.map((template) => (
            <option key={template.id} value={template.id}>
              {template.title}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" size="md">
        {t("apply")}
      </Button>
      <Link href="/tasks/templates" className="ml-auto self-center text-xs text-brand-700 hover:underline">
        {t("manage")}
      </Link>
    </form>
  );
}
