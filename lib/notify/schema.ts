import { z } from "zod";
import { lineString } from "@/lib/action/fields";
import { ROUTABLE_CHANNELS, PRIORITIES, WORKING_MODES } from "./routing";

export const markReadInput = z.object({ id: z.uuid() });
export const markAllReadInput = z.object({});

const localTime = lineString().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "notify.errors.invalidTime");
const channelList = z.array(z.enum(ROUTABLE_CHANNELS)).max(3);
const matrixInput = z.object(
  Object.fromEntries(
    WORKING_MODES.map((m) => [
      m,
      z.object(Object.fromEntries(PRIORITIES.map((p) => [p, channelList])) as Record<(typeof PRIORITIES)[number], typeof channelList>),
    ]),
  ) as Record<(typeof WORKING_MODES)[number], z.ZodObject<Record<(typeof PRIORITIES)[number], typeof channelList>>>,
);

export const preferencesInput = z
  .object({
    workingMode: z.enum(WORKING_MODES),
    matrix: matrixInput,
    quietHours: z.object({ start: localTime, end: localTime }).nullable(),
  })
  .refine((v) => !v.quietHours || v.quietHours.start !== v.quietHours.end, { message: "notify.errors.quietSame", path: ["quietHours"] });

export const organizationDefaultsInput = z.object({ matrix: matrixInput });

export const smsSettingsInput = z.object({ gsm7: z.boolean() });

export const pushSubscriptionInput = z.object({
  endpoint: lineString().pipe(z.url().startsWith("https://", "notify.errors.pushEndpoint").max(2000)),
  keys: z.object({ p256dh: lineString().min(10).max(200), auth: lineString().min(8).max(100) }),
  deviceLabel: lineString().trim().max(120).optional(),
});

export const pushEndpointInput = z.object({ endpoint: lineString().pipe(z.url().max(2000)) });
