import { describe, expect, it } from "vitest";
import type { EligibilityAnswers } from "./case-schema.js";
import {
  ALWAYS_ELIGIBLE_GROUPS,
  ELIGIBILITY_QUESTIONS,
  FINANCIAL_DIFFICULTY_GROUPS,
  screenEligibility,
} from "./eligibility.js";

const allNo = (): EligibilityAnswers =>
  Object.fromEntries([...ALWAYS_ELIGIBLE_GROUPS, ...FINANCIAL_DIFFICULTY_GROUPS].map((g) => [g, false]));

describe("screenEligibility", () => {
  it.each(ALWAYS_ELIGIBLE_GROUPS)("finds %s likely eligible whatever the money situation", (group) => {
    const screening = screenEligibility({ ...allNo(), [group]: true, khoKhanTaiChinh: false });
    expect(screening.result).toBe("likely-eligible");
    expect(screening.matched).toEqual([group]);
    expect(screening.text).toContain("có thể thuộc diện được trợ giúp pháp lý miễn phí");
  });

  it.each(FINANCIAL_DIFFICULTY_GROUPS)("finds %s likely eligible when in financial difficulty", (group) => {
    expect(screenEligibility({ [group]: true, khoKhanTaiChinh: true }).result).toBe("likely-eligible");
  });

  it("leaves a financial-difficulty group unclear when the money question is no or unanswered", () => {
    expect(screenEligibility({ ...allNo(), nguoiCaoTuoi: true, khoKhanTaiChinh: false }).result).toBe(
      "unclear",
    );
    const screening = screenEligibility({ nanNhanBaoLucGiaDinh: true });
    expect(screening.result).toBe("unclear");
    expect(screening.text).toContain("chưa rõ");
  });

  it("says not listed, still advised, only when every group was answered no", () => {
    const screening = screenEligibility({ ...allNo(), khoKhanTaiChinh: true });
    expect(screening.result).toBe("not-listed");
    expect(screening.matched).toEqual([]);
    expect(screening.text).toContain("không thuộc các diện trên (vẫn được tư vấn)");
  });

  it("says unclear when some questions were skipped and none answered yes", () => {
    const { hoNgheo: _skipped, ...partial } = allNo();
    expect(screenEligibility(partial).result).toBe("unclear");
    expect(screenEligibility({}).result).toBe("unclear");
  });

  it("has a Vietnamese yes/no question for every group and for financial difficulty", () => {
    for (const group of [
      ...ALWAYS_ELIGIBLE_GROUPS,
      ...FINANCIAL_DIFFICULTY_GROUPS,
      "khoKhanTaiChinh" as const,
    ]) {
      expect(ELIGIBILITY_QUESTIONS[group]).toMatch(/không\?$/);
    }
  });
});
