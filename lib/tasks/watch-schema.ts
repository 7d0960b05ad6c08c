import { z } from "zod";

export const taskRefInput = z.object({ taskId: z.string().trim().pipe(z.uuid("tasks.errors.notFound")) });
export type TaskRef = z.output<typeof taskRefInput>;
