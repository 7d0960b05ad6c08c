"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { markTaskNoticesReadAction } from "@/lib/tasks/actions";

/**
 * Rendered only when the viewer has unread notices about the task: once the page is on their
 * screen, those notices are read (a POST from the browser, so a prefetch of the page marks
 * nothing), and the bell is told to refetch at once instead of at its next poll.
 */
export function MarkTaskNoticesRead({ taskId }: { taskId: string }) {
  const queryClient = useQueryClient();
  useEffect(() => {
    void markTaskNoticesReadAction({ taskId }).then((r) => {
      if (r.ok && r.data.marked > 0) void queryClient.invalidateQueries({ queryKey: ["notifications"] });
    });
  }, [taskId, queryClient]);
  return null;
}
