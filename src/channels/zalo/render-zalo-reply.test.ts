import { describe, expect, it } from "vitest";
import { CLARIFICATION_REPLY } from "../../../test/support/clarification-reply.js";
import { renderZaloReply } from "./render-zalo-reply.js";

describe("renderZaloReply", () => {
  it("sends a clarifying question as numbered text, with numbered oa.query.show buttons that send the number back", () => {
    const rendered = renderZaloReply(CLARIFICATION_REPLY);
    expect(rendered.pieces.join("\n")).toContain("1. Xe máy\n2. Ô tô");
    expect(rendered.attachment?.payload.buttons).toEqual([
      { title: "1. Xe máy", type: "oa.query.show", payload: "1" },
      { title: "2. Ô tô", type: "oa.query.show", payload: "2" },
      { title: "Gặp cán bộ trợ giúp pháp lý", type: "oa.query.show", payload: expect.any(String) },
    ]);
  });
});
