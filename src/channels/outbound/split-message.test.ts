import { describe, expect, it } from "vitest";
import { splitMessage } from "./split-message.js";

describe("splitMessage", () => {
  it("keeps a short text whole", () => {
    expect(splitMessage("Dạ, chào bạn!\n\nBạn cần hỏi gì?", 4096)).toEqual([
      "Dạ, chào bạn!\n\nBạn cần hỏi gì?",
    ]);
  });

  it("splits a 6000-character answer into pieces of at most 4096 on paragraph boundaries", () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) =>
      `Đoạn ${i + 1}: ${"quyền và nghĩa vụ ".repeat(28)}`.trim(),
    );
    const text = paragraphs.join("\n\n");
    expect(text.length).toBeGreaterThan(6000);
    const pieces = splitMessage(text, 4096);
    expect(pieces.length).toBe(2);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(4096);
    // every paragraph survives whole, in order, inside exactly one piece
    expect(pieces.join("\n\n")).toBe(text);
    for (const piece of pieces) {
      for (const p of piece.split("\n\n")) expect(paragraphs).toContain(p);
    }
  });

  it("splits one paragraph longer than the limit at line breaks, then at spaces", () => {
    const lines = Array.from({ length: 5 }, (_, i) => `• dòng ${i} ${"chữ ".repeat(10)}`.trim());
    const pieces = splitMessage(lines.join("\n"), 120);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(120);
    expect(pieces.join("\n")).toBe(lines.join("\n"));
    const words = splitMessage("một hai ba bốn năm sáu bảy tám chín mười", 12);
    for (const piece of words) expect(piece.length).toBeLessThanOrEqual(12);
    expect(words.join(" ")).toBe("một hai ba bốn năm sáu bảy tám chín mười");
  });

  it("cuts a single over-long word without breaking an emoji in two", () => {
    const pieces = splitMessage(`${"a".repeat(9)}😀${"b".repeat(5)}`, 10);
    expect(pieces).toEqual(["a".repeat(9), `😀${"b".repeat(5)}`]);
  });

  it("never returns empty pieces", () => {
    expect(splitMessage("\n\n\n\nxin chào\n\n\n\n", 50)).toEqual(["xin chào"]);
    expect(splitMessage("", 50)).toEqual([]);
  });
});
