import { describe, expect, it } from "vitest";
import { basisLine, formatLegalRef, plainAnswer } from "./texts.js";

describe("basisLine", () => {
  it("writes clause, article, document and number as a person reads them", () => {
    expect(
      formatLegalRef({
        document: "Luật Hôn nhân và gia đình 2014",
        number: "52/2014/QH13",
        article: "Điều 56",
        clause: "khoản 1",
      }),
    ).toBe("khoản 1 Điều 56 Luật Hôn nhân và gia đình 2014 (52/2014/QH13)");
  });

  it("groups several articles of one document", () => {
    const line = basisLine([
      { document: "Nghị quyết về án phí", number: "326/2016/UBTVQH14", article: "Điều 27" },
      { document: "Nghị quyết về án phí", number: "326/2016/UBTVQH14", article: "Điều 12" },
      { document: "Bộ luật Dân sự 2015", number: "91/2015/QH13", article: "Điều 468" },
    ]);
    expect(line).toBe(
      "Căn cứ: Điều 27, Điều 12 Nghị quyết về án phí (326/2016/UBTVQH14); Điều 468 Bộ luật Dân sự 2015 (91/2015/QH13).",
    );
  });

  it("does not repeat a number the document name already carries", () => {
    expect(
      formatLegalRef({ document: "Nghị định 168/2024/NĐ-CP", number: "168/2024/NĐ-CP", article: "Điều 7" }),
    ).toBe("Điều 7 Nghị định 168/2024/NĐ-CP");
  });
});

describe("plainAnswer", () => {
  it("turns Markdown headings and lists into plain chat text", () => {
    expect(plainAnswer("Trả lời.\n\n## Chi tiết\n- một\n- **hai**")).toBe(
      "Trả lời.\n\nChi tiết:\n• một\n• hai",
    );
  });
});
