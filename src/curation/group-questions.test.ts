import { describe, expect, it } from "vitest";
import { groupQuestions, jaccard, sampleHash } from "./group-questions.js";

const at = (minute: number) => `2026-05-01T08:${String(minute).padStart(2, "0")}:00.000Z`;

describe("groupQuestions", () => {
  it("groups phrasings of one question, ignoring accents, punctuation and filler words", () => {
    const groups = groupQuestions([
      { at: at(1), text: "ly hôn đơn phương cần giấy tờ gì", kind: "fallback" },
      { at: at(2), text: "nuôi chó có phải đăng ký không", kind: "fallback" },
      { at: at(3), text: "Ly hon don phuong can giay to gi?", kind: "choices", topic: "hon-nhan-gia-dinh" },
      { at: at(4), text: "ly hôn đơn phương cần những giấy tờ gì ạ", kind: "fallback" },
    ]);
    expect(groups.map((g) => [g.question, g.count, g.firstAt, g.lastAt])).toEqual([
      ["ly hôn đơn phương cần giấy tờ gì", 3, at(1), at(4)],
      ["nuôi chó có phải đăng ký không", 1, at(2), at(2)],
    ]);
    expect(groups[0]?.samples).toHaveLength(2);
    expect(groups[0]?.kinds).toEqual({ fallback: 2, choices: 1 });
    expect(groups[0]?.topic).toBe("hon-nhan-gia-dinh");
  });

  it("keeps a group's id when later questions join it", () => {
    const first = groupQuestions([{ at: at(1), text: "ly hôn đơn phương cần giấy tờ gì", kind: "fallback" }]);
    const later = groupQuestions([
      { at: at(1), text: "ly hôn đơn phương cần giấy tờ gì", kind: "fallback" },
      { at: at(5), text: "ly hôn đơn phương thì cần giấy tờ gì", kind: "fallback" },
    ]);
    expect(later).toHaveLength(1);
    expect(later[0]?.id).toBe(first[0]?.id);
    expect(later[0]?.count).toBe(2);
  });

  it("keeps apart questions below the similarity threshold", () => {
    const groups = groupQuestions(
      [
        { at: at(1), text: "ly hôn đơn phương cần giấy tờ gì", kind: "fallback" },
        { at: at(2), text: "ly hôn thuận tình mất bao lâu", kind: "fallback" },
      ],
      0.5,
    );
    expect(groups).toHaveLength(2);
  });

  it("measures Jaccard similarity and hashes folded text", () => {
    expect(jaccard(new Set(["a", "b"]), new Set(["b", "c"]))).toBeCloseTo(1 / 3);
    expect(sampleHash("Ly hôn!")).toBe(sampleHash("ly hon"));
    expect(sampleHash("ly hôn")).not.toBe(sampleHash("kết hôn"));
  });
});
