import type { EligibilityAnswers, EligibilityGroup, EligibilityResult } from "./case-schema.js";
import { ALWAYS_ELIGIBLE_GROUPS, FINANCIAL_DIFFICULTY_GROUPS } from "./eligibility-groups.js";

export { ALWAYS_ELIGIBLE_GROUPS, FINANCIAL_DIFFICULTY_GROUPS } from "./eligibility-groups.js";

/** The yes/no questions of the screening, in the order the intake asks them. */
export const ELIGIBILITY_QUESTIONS: Readonly<Record<EligibilityGroup, string>> = {
  nguoiCoCong: "Bạn có phải là người có công với cách mạng không?",
  hoNgheo: "Gia đình bạn có thuộc hộ nghèo không?",
  treEm: "Người cần giúp có phải là trẻ em (dưới 16 tuổi) không?",
  danTocThieuSoVungDbkk: "Bạn là người dân tộc thiểu số sống ở vùng đặc biệt khó khăn phải không?",
  biBuocToi16Den18: "Người cần giúp có đang bị buộc tội và từ đủ 16 đến dưới 18 tuổi không?",
  biBuocToiHoCanNgheo: "Người cần giúp có đang bị buộc tội và thuộc hộ cận nghèo không?",
  thanNhanLietSi:
    "Bạn có phải là cha, mẹ, vợ, chồng, con của liệt sĩ hoặc người đã nuôi liệt sĩ khi còn nhỏ không?",
  chatDocDaCam: "Bạn có bị nhiễm chất độc da cam không?",
  nguoiCaoTuoi: "Bạn có từ 60 tuổi trở lên không?",
  nguoiKhuyetTat: "Bạn có phải là người khuyết tật không?",
  biHai16Den18:
    "Người cần giúp có phải là người bị hại trong vụ án hình sự, từ đủ 16 đến dưới 18 tuổi không?",
  nanNhanBaoLucGiaDinh: "Bạn có phải là nạn nhân của bạo lực gia đình không?",
  nanNhanMuaBanNguoi: "Bạn có phải là nạn nhân của mua bán người không?",
  nhiemHiv: "Bạn có bị nhiễm HIV không?",
  khoKhanTaiChinh: "Hiện bạn có đang khó khăn về tiền bạc không?",
};

/** The screening's indication for the citizen and staff; never a legal decision. */
export interface EligibilityScreening {
  readonly result: EligibilityResult;
  /** The groups the citizen said yes to. */
  readonly matched: EligibilityGroup[];
  /** One Vietnamese line for the citizen. */
  readonly text: string;
}

const TEXTS: Readonly<Record<EligibilityResult, string>> = {
  "likely-eligible":
    "Dạ, theo câu trả lời của bạn, bạn có thể thuộc diện được trợ giúp pháp lý miễn phí. Cán bộ sẽ xem lại và báo bạn.",
  unclear:
    "Dạ, hiện chưa rõ bạn có thuộc diện được trợ giúp pháp lý miễn phí hay không. Cán bộ sẽ hỏi thêm và báo bạn.",
  "not-listed":
    "Dạ, theo câu trả lời của bạn, bạn không thuộc các diện trên (vẫn được tư vấn). Cán bộ vẫn sẽ xem và hướng dẫn bạn.",
};

/**
 * Screens yes/no answers against Art. 7 of Luật Trợ giúp pháp lý 2017. A yes to a group of
 * clause 7 without a clear yes to financial difficulty stays `unclear`: that condition has a
 * legal definition a citizen may not know, so staff decide rather than the bot saying no.
 */
export function screenEligibility(answers: EligibilityAnswers): EligibilityScreening {
  const groups = [...ALWAYS_ELIGIBLE_GROUPS, ...FINANCIAL_DIFFICULTY_GROUPS];
  const matched = groups.filter((g) => answers[g] === true);
  const result = decide(answers, matched);
  return { result, matched, text: TEXTS[result] };
}

function decide(answers: EligibilityAnswers, matched: readonly EligibilityGroup[]): EligibilityResult {
  const always: readonly EligibilityGroup[] = ALWAYS_ELIGIBLE_GROUPS;
  if (matched.some((g) => always.includes(g))) return "likely-eligible";
  if (matched.length > 0) return answers.khoKhanTaiChinh === true ? "likely-eligible" : "unclear";
  const allNo = [...ALWAYS_ELIGIBLE_GROUPS, ...FINANCIAL_DIFFICULTY_GROUPS].every(
    (g) => answers[g] === false,
  );
  return allNo ? "not-listed" : "unclear";
}
