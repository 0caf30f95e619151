import { describe, expect, it } from "vitest";
import { CLARIFICATION_REPLY } from "../../../test/support/clarification-reply.js";
import type { Reply } from "../../core/index.js";
import { escapeHtml, renderTelegramReply } from "./render-telegram-reply.js";

const base: Reply = { kind: "answer", text: "", suggestions: [], buttons: [], language: "vi" };

describe("renderTelegramReply", () => {
  it("escapes every dynamic string for HTML parse mode", () => {
    expect(escapeHtml(`<b>x</b>&`)).toBe("&lt;b&gt;x&lt;/b&gt;&amp;");
    const [piece] = renderTelegramReply({ ...base, text: `Bạn hỏi: <b>x</b>& "a"` });
    expect(piece?.html).toBe("Bạn hỏi: &lt;b&gt;x&lt;/b&gt;&amp; &quot;a&quot;");
  });

  it("sets the legal basis label in bold and leaves the rest as text", () => {
    const [piece] = renderTelegramReply({ ...base, text: "Trả lời.\n\nCăn cứ: Điều 51 Luật <HN&GĐ>." });
    expect(piece?.html).toBe("Trả lời.\n\n<b>Căn cứ:</b> Điều 51 Luật &lt;HN&amp;GĐ&gt;.");
  });

  it("puts the keyboard on the last piece: 👍/👎 on one row, other buttons on their own", () => {
    const long = Array.from({ length: 10 }, () => "x".repeat(600)).join("\n\n");
    const pieces = renderTelegramReply({
      ...base,
      text: long,
      buttons: [
        { label: "👍 Hữu ích", action: { type: "feedback", faqId: "a", value: "up" } },
        { label: "👎 Chưa đúng ý", action: { type: "feedback", faqId: "a", value: "down" } },
        { label: "Gặp cán bộ trợ giúp pháp lý", action: { type: "escalate" } },
        { label: "q".repeat(100), action: { type: "choose", faqId: "b" } },
      ],
    });
    expect(pieces).toHaveLength(2);
    expect(pieces[0]?.replyMarkup).toBeUndefined();
    expect(pieces[1]?.replyMarkup).toEqual({
      inline_keyboard: [
        [
          { text: "👍 Hữu ích", callback_data: "f:u:a" },
          { text: "👎 Chưa đúng ý", callback_data: "f:d:a" },
        ],
        [{ text: "Gặp cán bộ trợ giúp pháp lý", callback_data: "e" }],
        [{ text: `${"q".repeat(59)}…`, callback_data: "c:b" }],
      ],
    });
  });

  it("splits on paragraph boundaries before escaping, so no piece exceeds 4096 visible characters", () => {
    const paragraph = `${"&".repeat(3000)}`;
    const pieces = renderTelegramReply({ ...base, text: `${paragraph}\n\n${paragraph}` });
    expect(pieces).toHaveLength(2);
    expect(pieces[0]?.html).toBe("&amp;".repeat(3000));
  });

  it("renders a clarifying question with one inline button per option and the person button", () => {
    const pieces = renderTelegramReply(CLARIFICATION_REPLY);
    expect(pieces).toHaveLength(1);
    expect(pieces[0]?.html).toContain("1. Xe máy\n2. Ô tô");
    expect(pieces[0]?.replyMarkup).toEqual({
      inline_keyboard: [
        [{ text: "Xe máy", callback_data: "c:toc-do-xe-may" }],
        [{ text: "Ô tô", callback_data: "c:toc-do-o-to" }],
        [{ text: "Gặp cán bộ trợ giúp pháp lý", callback_data: "e" }],
      ],
    });
  });
});
