import type { Reply } from "../../src/core/index.js";

/** A clarifying question as the engine builds it ("xe máy hay ô tô?"), for the channels' rendering tests. */
export const CLARIFICATION_REPLY: Reply = {
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
