import { describe, expect, it } from "vitest";
import { withCardMoved, type BoardData } from "./board-data";

const card = (id: string, status: "open" | "in_progress") => ({
  id,
  number: 1,
  title: id,
  priority: "normal" as const,
  status,
  person: "X",
  targets: ["in_progress" as const],
});
const board: BoardData = {
  columns: [
    { status: "open", total: 7, cards: [card("a", "open"), card("b", "open")], moreHref: "/tasks?status=open" },
    { status: "in_progress", total: 1, cards: [card("c", "in_progress")] },
  ],
};

describe("a card moved on the board before the server answers", () => {
  it("goes to the top of its new column with the counts following, and may not move again until the server says where it may", () => {
    const moved = withCardMoved(board, "b", "in_progress");
    expect(moved.columns.map((c) => [c.status, c.total, c.cards.map((x) => [x.id, x.status, x.targets])])).toEqual([
      ["open", 6, [["a", "open", ["in_progress"]]]],
      [
        "in_progress",
        2,
        [
          ["b", "in_progress", []],
          ["c", "in_progress", ["in_progress"]],
        ],
      ],
    ]);
    expect(board.columns[0]!.cards).toHaveLength(2);
  });

  it("leaves the board as it is for its own column or an unknown card", () => {
    expect(withCardMoved(board, "a", "open")).toBe(board);
    expect(withCardMoved(board, "zz", "in_progress")).toBe(board);
  });
});
