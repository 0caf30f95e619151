import { describe, expect, it } from "vitest";
import { siblingAttribute } from "../decide/siblings.js";
import { scriptedSearch, testEngine, testFaq } from "../test-engine.js";

const MOTORBIKE = ["xe máy", "mô tô", "xe gắn máy"];
const CAR = ["ô tô", "oto", "xe hơi"];
const speedBike = testFaq("toc-do-xe-may", {
  question: "Đi xe máy chạy quá tốc độ bị phạt bao nhiêu?",
  facets: { việc: ["quá tốc độ"], "phương tiện": MOTORBIKE },
});
const speedCar = testFaq("toc-do-o-to", {
  question: "Lái ô tô chạy quá tốc độ bị phạt bao nhiêu?",
  facets: { việc: ["quá tốc độ"], "phương tiện": CAR },
});
const alcoholCar = testFaq("nong-do-con-o-to", {
  facets: { việc: ["nồng độ cồn"], "phương tiện": CAR },
});
const noWill = testFaq("khong-di-chuc", {
  facets: {
    việc: ["ai được hưởng thừa kế"],
    "có di chúc hay không": ["không có di chúc", "không để lại di chúc"],
  },
});
const withWill = testFaq("co-di-chuc", {
  facets: { việc: ["ai được hưởng thừa kế"], "có di chúc hay không": ["có di chúc", "để lại di chúc"] },
});
const tie = [
  ["toc-do-xe-may", 0.6],
  ["toc-do-o-to", 0.58],
  ["den-do", 0.3],
] as const;

function speedEngine(script: Record<string, readonly (readonly [string, number])[]> = {}) {
  return testEngine(
    scriptedSearch(
      {
        "chạy quá tốc độ phạt bao nhiêu": tie,
        "xe máy vượt tốc độ": [
          ["toc-do-o-to", 0.6],
          ["toc-do-xe-may", 0.58],
        ],
        "ly hôn thế nào": [["ly-hon", 0.9]],
        ...script,
      },
      [speedBike, speedCar, alcoholCar],
    ),
  );
}

describe("siblings", () => {
  it("are FAQs with the same facet names that differ in exactly one value", () => {
    expect(siblingAttribute(speedBike, speedCar)).toBe("phương tiện");
    expect(siblingAttribute(speedBike, alcoholCar)).toBeUndefined();
    expect(siblingAttribute(speedBike, noWill)).toBeUndefined();
    expect(siblingAttribute(speedBike, testFaq("den-do"))).toBeUndefined();
  });
});

describe("clarifying questions", () => {
  it("asks the one attribute in which tied sibling FAQs differ, with a button and a number per value", async () => {
    const { say } = speedEngine();
    const reply = await say("chạy quá tốc độ phạt bao nhiêu");
    expect(reply.kind).toBe("choices");
    expect(reply.intent).toBe("clarify");
    expect(reply.clarification).toEqual({
      attribute: "phương tiện",
      question: "Dạ, câu trả lời khác nhau tùy phương tiện. Bạn hỏi trường hợp nào?",
      options: [
        { faqId: "toc-do-xe-may", label: "xe máy" },
        { faqId: "toc-do-o-to", label: "ô tô" },
      ],
    });
    expect(reply.text).toContain("1. Xe máy\n2. Ô tô");
    expect(reply.suggestions.map((s) => s.faqId)).toEqual(["toc-do-xe-may", "toc-do-o-to"]);
    expect(reply.buttons.slice(0, 2)).toEqual([
      { label: "Xe máy", action: { type: "choose", faqId: "toc-do-xe-may" } },
      { label: "Ô tô", action: { type: "choose", faqId: "toc-do-o-to" } },
    ]);
  });

  it("answers directly when the question names the attribute, even when the other sibling ranks first", async () => {
    const { say } = speedEngine();
    const reply = await say("xe máy vượt tốc độ");
    expect(reply.kind).toBe("answer");
    expect(reply.faqId).toBe("toc-do-xe-may");
    expect(reply.suggestions.map((s) => s.faqId)).not.toContain("toc-do-o-to");
  });

  it("answers the sibling a typed reply names, with or without diacritics", async () => {
    for (const typed of ["ô tô", "o to", "dạ xe hơi ạ"]) {
      const { say } = speedEngine();
      await say("chạy quá tốc độ phạt bao nhiêu");
      const reply = await say(typed);
      expect(reply.kind, typed).toBe("answer");
      expect(reply.faqId, typed).toBe("toc-do-o-to");
    }
  });

  it("answers the sibling picked by its number or its button", async () => {
    const typed = speedEngine();
    await typed.say("chạy quá tốc độ phạt bao nhiêu");
    expect((await typed.say("1")).faqId).toBe("toc-do-xe-may");
    const pressed = speedEngine();
    await pressed.say("chạy quá tốc độ phạt bao nhiêu");
    const reply = await pressed.engine.handle({
      channel: "telegram",
      sessionId: "s1",
      text: "Ô tô",
      action: { type: "choose", faqId: "toc-do-o-to" },
    });
    expect(reply.faqId).toBe("toc-do-o-to");
  });

  it("handles an unrelated reply as a new question, and forgets the clarification after it", async () => {
    const { say } = speedEngine({ "ly hôn thế nào": [["ly-hon", 0.9]], "ô tô": [] });
    await say("chạy quá tốc độ phạt bao nhiêu");
    const reply = await say("ly hôn thế nào");
    expect(reply.faqId).toBe("ly-hon");
    expect((await say("ô tô")).kind).not.toBe("answer");
  });

  it("reads a long message that names a value as a new question, not as the reply", async () => {
    const { say } = speedEngine({
      "ô tô của tôi bị mất giấy đăng ký xe thì làm lại ở đâu": [["mat-giay", 0.9]],
    });
    await say("chạy quá tốc độ phạt bao nhiêu");
    expect((await say("ô tô của tôi bị mất giấy đăng ký xe thì làm lại ở đâu")).faqId).toBe("mat-giay");
  });

  it("does not take a value inside a longer one: 'không có di chúc' is not 'có di chúc'", async () => {
    const search = scriptedSearch(
      {
        "ai được hưởng thừa kế": [
          ["co-di-chuc", 0.5],
          ["khong-di-chuc", 0.48],
        ],
        "bố tôi mất không có di chúc thì ai được hưởng thừa kế": [
          ["co-di-chuc", 0.5],
          ["khong-di-chuc", 0.48],
        ],
      },
      [noWill, withWill],
    );
    const { say } = testEngine(search);
    expect((await say("bố tôi mất không có di chúc thì ai được hưởng thừa kế")).faqId).toBe("khong-di-chuc");
    const asked = await say("ai được hưởng thừa kế", "s2");
    expect(asked.intent).toBe("clarify");
    expect((await say("không để lại di chúc", "s2")).faqId).toBe("khong-di-chuc");
  });

  it("answers the first FAQ clearly ahead of its sibling, and offers the sibling after it", async () => {
    const { say } = speedEngine({
      "tốc độ bao nhiêu thì bị phạt": [
        ["toc-do-xe-may", 0.6],
        ["toc-do-o-to", 0.48],
      ],
    });
    const reply = await say("tốc độ bao nhiêu thì bị phạt");
    expect(reply.kind).toBe("answer");
    expect(reply.faqId).toBe("toc-do-xe-may");
    expect(reply.clarification).toBeUndefined();
    expect(reply.suggestions.map((s) => s.faqId)).toEqual(["toc-do-o-to"]);
  });

  it("answers the first FAQ alone when it leads by the full margin, siblings or not", async () => {
    const { say } = speedEngine({
      "phạt quá tốc độ xe số": [
        ["toc-do-xe-may", 0.9],
        ["toc-do-o-to", 0.4],
      ],
    });
    const reply = await say("phạt quá tốc độ xe số");
    expect(reply.kind).toBe("answer");
    expect(reply.faqId).toBe("toc-do-xe-may");
  });
});
