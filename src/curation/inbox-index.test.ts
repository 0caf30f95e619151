import { describe, expect, it } from "vitest";
import { InboxIndex } from "./inbox-index.js";

const at = (i: number) => new Date(Date.UTC(2026, 4, 1) + i * 1000).toISOString();

describe("InboxIndex", () => {
  it("groups phrasings as they arrive and keeps a group's id when later ones join", () => {
    const index = new InboxIndex();
    index.add({ at: at(1), text: "ly hôn đơn phương cần giấy tờ gì", kind: "fallback" });
    const id = index.groups()[0]?.id;
    index.add({ at: at(2), text: "nuôi chó có phải đăng ký không", kind: "fallback" });
    index.add({ at: at(3), text: "Ly hon don phuong can giay to gi?", kind: "choices" });
    index.add({ at: at(4), text: "ly hôn đơn phương thì cần giấy tờ gì", kind: "fallback" });
    const groups = index.groups();
    expect(groups.map((g) => [g.question, g.count])).toEqual([
      ["ly hôn đơn phương cần giấy tờ gì", 3],
      ["nuôi chó có phải đăng ký không", 1],
    ]);
    expect(groups[0]?.id).toBe(id);
  });

  it("shows what the citizen typed and groups it on the searched form, which is given as a hint", () => {
    const index = new InboxIndex();
    index.add({ at: at(1), text: "ck e ko ky don", normalized: "chồng em không ký đơn", kind: "fallback" });
    index.add({ at: at(2), text: "chồng em không ký đơn", kind: "choices" });
    index.add({ at: at(3), text: "Ck e ko kí đơn", normalized: "chồng em không kí đơn", kind: "fallback" });
    const groups = index.groups();
    expect(groups).toHaveLength(1);
    expect(groups[0]?.count).toBe(3);
    expect(groups[0]?.question).toBe("chồng em không ký đơn");
    // Phrasings that read the same once searched show the one typed with diacritics; others stay as typed.
    expect(groups[0]?.samples).toEqual(["chồng em không ký đơn", "Ck e ko kí đơn"]);

    const alone = new InboxIndex();
    alone.add({ at: at(1), text: "ck e ko ky don", normalized: "chồng em không ký đơn", kind: "fallback" });
    expect(alone.groups()[0]).toMatchObject({
      question: "ck e ko ky don",
      questionHint: "chồng em không ký đơn",
    });
  });

  it("holds at most maxPhrasings distinct questions, letting go of asked-once ones first", () => {
    const index = new InboxIndex(0.5, { maxPhrasings: 100, maxGroups: 10 });
    for (let i = 0; i < 3; i++)
      index.add({ at: at(i), text: "ly hôn đơn phương cần giấy tờ gì", kind: "fallback" });
    // 20 000 distinct planted questions, each its own group.
    for (let i = 0; i < 20_000; i++)
      index.add({ at: at(10 + i), text: `câu ${i} ${(i * 7919).toString(36)}`, kind: "fallback" });
    expect(index.size).toBe(100);
    expect(index.dropped).toBe(20_000 - 99);
    const groups = index.groups();
    expect(groups.length).toBeLessThanOrEqual(10);
    // The question citizens really repeated is still there, on top.
    expect(groups[0]).toMatchObject({ question: "ly hôn đơn phương cần giấy tờ gì", count: 3 });
  });

  it("drops handled phrasings and never counts them again", () => {
    const index = new InboxIndex();
    index.add({ at: at(1), text: "nuôi chó có phải đăng ký không", kind: "fallback" });
    index.add({ at: at(2), text: "hàng xóm lấn đất", kind: "fallback" });
    const dog = index.groups().find((g) => g.question.startsWith("nuôi chó"));
    index.handle(dog?.sampleHashes ?? []);
    index.add({ at: at(3), text: "Nuôi chó có phải đăng ký không?", kind: "fallback" });
    expect(index.groups().map((g) => g.question)).toEqual(["hàng xóm lấn đất"]);
  });
});
