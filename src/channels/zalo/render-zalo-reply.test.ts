import { describe, expect, it } from "vitest";
import type { Button, Reply } from "../../core/index.js";
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

const say = (label: string, text: string): Button => ({ label, action: { type: "answer", text } });
const reply = (buttons: Button[]): Reply => ({
  kind: "escalate",
  text: 'Bạn có đồng ý không? Gõ "có" hoặc "không".',
  suggestions: [],
  buttons,
  language: "vi",
});

describe("intake answers on Zalo", () => {
  it("sends a question's few answers as buttons whose payload is what the text says to type", () => {
    const rendered = renderZaloReply(reply([say("Đồng ý", "có"), say("Không đồng ý", "không")]));
    expect(rendered.attachment?.payload.buttons).toEqual([
      { title: "Đồng ý", type: "oa.query.show", payload: "có" },
      { title: "Không đồng ý", type: "oa.query.show", payload: "không" },
    ]);
  });

  it("keeps a longer list (the topics) and the screening's boxes as numbered text only", () => {
    const topics = Array.from({ length: 8 }, (_, i) => say(`Chủ đề ${i + 1}`, String(i + 1)));
    expect(renderZaloReply(reply(topics)).attachment).toBeUndefined();
    const boxes: Button[] = [
      { label: "Người thuộc hộ nghèo", action: { type: "pick", value: "2" } },
      { label: "Xong", action: { type: "send-picks", empty: "0" } },
    ];
    expect(renderZaloReply(reply(boxes)).attachment).toBeUndefined();
  });
});
