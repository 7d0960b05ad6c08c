import { describe, expect, it } from "vitest";
import { DEFAULT_LIST_PARAMS, isDefault, listQuery, parseListParams } from "./list-params";

describe("list parameters from the URL", () => {
  it("defaults to active tasks, soonest due first", () => {
    expect(DEFAULT_LIST_PARAMS).toEqual({
      status: "active",
      priority: null,
      due: null,
      person: null,
      client: null,
      case: null,
      sort: "due",
      dir: "asc",
      page: 1,
      layout: "list",
    });
  });

  it("keeps the board layout in links, and a broken layout falls back to the list", () => {
    const board = parseListParams({ layout: "board", priority: "high" });
    expect(board.layout).toBe("board");
    expect(listQuery(board, { page: 2 })).toBe("?priority=high&page=2&layout=board");
    expect(listQuery(board, { layout: "list" })).toBe("?priority=high");
    expect(parseListParams({ layout: "kanban" }).layout).toBe("list");
  });

  it("reads valid values and drops broken ones instead of failing", () => {
    const p = parseListParams({ status: "done", priority: "urgent", due: "week", sort: "priority", page: "3", person: "not-an-id", dir: "sideways" });
    expect(p).toMatchObject({ status: "done", priority: "urgent", due: "week", sort: "priority", dir: "desc", page: 3, person: null });
    expect(parseListParams({ status: ["today", "x"], page: "-2", sort: "drop table" })).toMatchObject({ status: "active", page: 1, sort: "due" });
  });

  it("writes short links that read back the same", () => {
    const p = parseListParams({ status: "all", due: "overdue", sort: "activity" });
    const q = listQuery(p, { page: 2 });
    expect(q).toBe("?status=all&due=overdue&sort=activity&page=2");
    expect(parseListParams(Object.fromEntries(new URLSearchParams(q)))).toEqual({ ...p, page: 2 });
    expect(listQuery(DEFAULT_LIST_PARAMS)).toBe("");
  });

  it("calls a parameter unfiltered exactly when a link leaves it out", () => {
    const p = parseListParams({ status: "done", priority: "high", sort: "title", dir: "desc" });
    const keys = Object.keys(DEFAULT_LIST_PARAMS) as (keyof typeof p)[];
    for (const key of keys) expect(isDefault(DEFAULT_LIST_PARAMS, key), key).toBe(true);
    const written = new URLSearchParams(listQuery(p));
    for (const key of keys) expect(isDefault(p, key), key).toBe(!written.has(key));
  });
});
