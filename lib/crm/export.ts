import type { Readable } from "node:stream";
import { createTranslator } from "next-intl";
import type { DbOrTx } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import { EXPORT_BATCH, exportStream, wallClockText, type ExportColumn, type ExportFormat } from "@/lib/export/stream";
import { messages } from "@/lib/i18n/messages";
import { PRIORITIES, type Priority } from "@/lib/org/vocabulary";
import { CASE_KINDS, CASE_STATUSES, type CaseKind, type CaseStatus } from "./case-states";
import { forEachCaseListBatch, forEachClientListBatch, type CaseExportRow, type ClientExportRow } from "./queries";
import type { CaseListFilters, ClientListFilters } from "./schema";

function translator(viewer: Viewer) {
  return createTranslator({ locale: viewer.locale, messages: messages[viewer.locale] });
}

/** The case list, every case its filters select, as a CSV or XLSX stream in the viewer's language and zone. */
export function exportCaseList(db: DbOrTx, viewer: Viewer, filters: Omit<CaseListFilters, "page">, format: ExportFormat, now: Date): Readable {
  const t = translator(viewer);
  const zone = viewer.timeZone;
  // Labels once, not per row.
  const kinds = Object.fromEntries(CASE_KINDS.map((k) => [k, t(`crm.kind.${k}`)])) as Record<CaseKind, string>;
  const statuses = Object.fromEntries(CASE_STATUSES.map((s) => [s, t(`crm.status.${s}`)])) as Record<CaseStatus, string>;
  const priorities = Object.fromEntries(PRIORITIES.map((p) => [p, t(`common.priority.${p}`)])) as Record<Priority, string>;
  const yes = t("crm.export.yes");
  const columns: ExportColumn<CaseExportRow>[] = [
    { key: "number", header: t("crm.cases.columns.number"), text: (r) => r.number },
    { key: "title", header: t("crm.cases.columns.title"), text: (r) => r.title, width: 48 },
    { key: "client", header: t("crm.cases.columns.client"), text: (r) => r.clientName, width: 28 },
    { key: "kind", header: t("crm.cases.columns.kind"), text: (r) => kinds[r.kind], width: 20 },
    { key: "status", header: t("crm.cases.columns.status"), text: (r) => statuses[r.status] },
    { key: "priority", header: t("crm.cases.columns.priority"), text: (r) => priorities[r.priority] },
    { key: "owner", header: t("crm.cases.columns.owner"), text: (r) => r.ownerName, width: 22 },
    { key: "due", header: t("crm.export.due", { zone }), text: (r) => (r.dueAt ? wallClockText(r.dueAt, zone) : ""), instant: (r) => r.dueAt },
    { key: "overdue", header: t("crm.export.overdue"), text: (r) => (r.overdue ? yes : "") },
    { key: "opened", header: t("crm.export.opened", { zone }), text: (r) => wallClockText(r.createdAt, zone), instant: (r) => r.createdAt },
  ];
  return exportStream({
    format,
    columns,
    sheetName: t("crm.export.casesSheet"),
    timeZone: zone,
    batches: (onBatch) => forEachCaseListBatch(db, viewer, filters, now, EXPORT_BATCH, onBatch),
  });
}

/** The client list, every client its filters select, as a CSV or XLSX stream in the viewer's language. */
export function exportClientList(db: DbOrTx, viewer: Viewer, filters: Omit<ClientListFilters, "page">, format: ExportFormat): Readable {
  const t = translator(viewer);
  const columns: ExportColumn<ClientExportRow>[] = [
    { key: "name", header: t("crm.clients.columns.name"), text: (r) => r.name, width: 40 },
    { key: "taxId", header: t("crm.clients.columns.taxId"), text: (r) => r.taxId ?? "" },
    { key: "city", header: t("crm.clients.columns.city"), text: (r) => r.city ?? "", width: 18 },
    { key: "address", header: t("crm.export.address"), text: (r) => r.address ?? "", width: 36 },
    { key: "email", header: t("crm.export.email"), text: (r) => r.email ?? "", width: 28 },
    { key: "phone", header: t("crm.export.phone"), text: (r) => r.phone ?? "", width: 16 },
    { key: "manager", header: t("crm.clients.columns.accountManager"), text: (r) => r.accountManagerName ?? "", width: 22 },
    { key: "openCases", header: t("crm.clients.columns.openCases"), text: (r) => r.openCases },
  ];
  return exportStream({
    format,
    columns,
    sheetName: t("crm.export.clientsSheet"),
    timeZone: viewer.timeZone,
    batches: (onBatch) => forEachClientListBatch(db, viewer, filters, EXPORT_BATCH, onBatch),
  });
}
