import { describe, expect, it } from "vitest";
import { CLARIFICATION_REPLY } from "../../../test/support/clarification-reply.js";
import { toAskResponse } from "./ask-router.js";

describe("toAskResponse", () => {
  it("keeps a clarifying question a `choices` reply and adds the question and its options", () => {
    const body = toAskResponse(CLARIFICATION_REPLY, "s1");
    expect(body.kind).toBe("choices");
    expect(body.suggestions.map((s) => s.faqId)).toEqual(["toc-do-xe-may", "toc-do-o-to"]);
    expect(body.clarification).toEqual(CLARIFICATION_REPLY.clarification);
    expect(body.buttons.map((b) => b.label)).toEqual(["Xe máy", "Ô tô", "Gặp cán bộ trợ giúp pháp lý"]);
    expect("clarification" in toAskResponse({ ...CLARIFICATION_REPLY, clarification: undefined }, "s1")).toBe(
      false,
    );
  });
});
