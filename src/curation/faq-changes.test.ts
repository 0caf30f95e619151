import { describe, expect, it } from "vitest";
import type { Faq } from "../content/index.js";
import { faqChanges } from "./faq-changes.js";

const live: Faq = {
  id: "ly-hon-don-phuong",
  question: "Ly hôn đơn phương cần giấy tờ gì?",
  variants: ["ly hôn một mình", "vợ không đồng ý ly hôn", "ly hon don phuong", "đơn ly hôn", "nộp đơn ở đâu"],
  topic: "hon-nhan-gia-dinh",
  tags: [],
  audiences: [],
  legalBasis: [{ document: "Luật Hôn nhân và gia đình 2014", number: "52/2014/QH13", article: "Điều 56" }],
  status: "published",
  reviewDue: "2027-06-01",
  needsLegalReview: [],
  related: [],
  answer: "Bạn nộp đơn tại Tòa án nhân dân khu vực nơi vợ hoặc chồng cư trú.",
};

describe("faqChanges", () => {
  it("lists only the fields that changed, and the answer word by word", () => {
    const proposed: Faq = {
      ...live,
      variants: [...live.variants, "chồng ko ký đơn ly hôn"],
      legalBasis: [{ ...live.legalBasis[0], clause: "khoản 1" } as Faq["legalBasis"][number]],
      needsLegalReview: ["nơi nộp đơn khi không biết người kia ở đâu"],
      answer: "Bạn nộp đơn tại Tòa án nhân dân khu vực nơi người kia cư trú hoặc làm việc.",
    };
    const changes = faqChanges(live, proposed);
    expect(changes.fields.map((f) => f.field)).toEqual(["variants", "legalBasis", "needsLegalReview"]);
    expect(changes.fields[1]?.after).toEqual([
      "Luật Hôn nhân và gia đình 2014, 52/2014/QH13, Điều 56, khoản 1",
    ]);
    const removed = changes.answer
      .filter((op) => op.kind === "-")
      .map((op) => op.line)
      .join("|");
    const added = changes.answer
      .filter((op) => op.kind === "+")
      .map((op) => op.line)
      .join("|");
    expect(removed).toContain("vợ");
    expect(removed).not.toContain("Tòa án");
    expect(added).toContain("người kia");
    expect(added).toContain("làm việc.");
    // Kept and removed pieces rebuild the live answer; kept and added ones the new answer, exactly.
    const rebuild = (skip: string) =>
      changes.answer
        .filter((op) => op.kind !== skip)
        .map((op) => op.line)
        .join("");
    expect(rebuild("+")).toBe(live.answer);
    expect(rebuild("-")).toBe(proposed.answer);
  });

  it("shows a paragraph added at the end as added, leaving the last word as it was", () => {
    const changes = faqChanges(live, {
      ...live,
      answer: `${live.answer}\n\nCần giúp, hãy gọi cho trung tâm.`,
    });
    expect(changes.answer.filter((op) => op.kind === "-")).toEqual([]);
    expect(changes.answer.filter((op) => op.kind === "+").map((op) => op.line)).toEqual([
      "\n\nCần giúp, hãy gọi cho trung tâm.",
    ]);
  });

  it("reports nothing for an unchanged FAQ", () => {
    expect(faqChanges(live, { ...live })).toEqual({ fields: [], answer: [] });
  });
});
