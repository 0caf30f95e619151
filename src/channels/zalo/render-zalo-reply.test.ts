import { describe, expect, it } from "vitest";
import type { Reply } from "../../core/index.js";
import { renderZaloReply } from "./render-zalo-reply.js";

const clarification: Reply = {
  kind: "choices",
  intent: "clarify",
  text: 'Dạ, câu trả lời khác nhau tùy phương tiện. Bạn hỏi trường hợp nào?\n1. Xe máy\n2. Ô tô\n\nBạn bấm chọn, gõ số hoặc gõ câu trả lời (ví dụ: "ô tô").',
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
    { label: "Gặp cán bộ trợ giúp pháp lý", action: { type: "escalate" } },
  ],
  language: "vi",
};

describe("renderZaloReply", () => {
  it("sends a clarifying question as numbered text, with numbered oa.query.show buttons that send the number back", () => {
    const rendered = renderZaloReply(clarification);
    expect(rendered.pieces.join("\n")).toContain("1. Xe máy\n2. Ô tô");
    expect(rendered.attachment?.payload.buttons).toEqual([
      { title: "1. Xe máy", type: "oa.query.show", payload: "1" },
      { title: "2. Ô tô", type: "oa.query.show", payload: "2" },
      { title: "Gặp cán bộ trợ giúp pháp lý", type: "oa.query.show", payload: expect.any(String) },
    ]);
  });
});
