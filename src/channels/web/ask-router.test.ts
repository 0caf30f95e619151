import { describe, expect, it } from "vitest";
import type { Reply } from "../../core/index.js";
import { toAskResponse } from "./ask-router.js";

describe("toAskResponse", () => {
  it("keeps a clarifying question a `choices` reply and adds the question and its options", () => {
    const reply: Reply = {
      kind: "choices",
      intent: "clarify",
      text: "Dạ, câu trả lời khác nhau tùy phương tiện. Bạn hỏi trường hợp nào?\n1. Xe máy\n2. Ô tô",
      suggestions: [
        { faqId: "toc-do-xe-may", question: "Đi xe máy chạy quá tốc độ bị phạt bao nhiêu?" },
        { faqId: "toc-do-o-to", question: "Lái ô tô chạy quá tốc độ bị phạt bao nhiêu?" },
      ],
      clarification: {
        attribute: "phương tiện",
        question: "Dạ, câu trả lời khác nhau tùy phương tiện. Bạn hỏi trường hợp nào?",
        options: [
          { faqId: "toc-do-xe-may", label: "xe máy" },
          { faqId: "toc-do-o-to", label: "ô tô" },
        ],
      },
      buttons: [
        { label: "Xe máy", action: { type: "choose", faqId: "toc-do-xe-may" } },
        { label: "Ô tô", action: { type: "choose", faqId: "toc-do-o-to" } },
      ],
      language: "vi",
    };
    const body = toAskResponse(reply, "s1");
    expect(body.kind).toBe("choices");
    expect(body.suggestions.map((s) => s.faqId)).toEqual(["toc-do-xe-may", "toc-do-o-to"]);
    expect(body.clarification).toEqual(reply.clarification);
    expect(body.buttons.map((b) => b.label)).toEqual(["Xe máy", "Ô tô"]);
    expect("clarification" in toAskResponse({ ...reply, clarification: undefined }, "s1")).toBe(false);
  });
});
