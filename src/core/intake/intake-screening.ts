/** One group of the Luật Trợ giúp pháp lý 2017 Art. 7 screening, as the intake lists it. */
export interface ScreeningQuestion {
  /** The group key of src/escalation/eligibility-groups.ts (e.g. "hoNgheo"). */
  readonly key: string;
  /** Short citizen-facing label shown in the numbered list. */
  readonly label: string;
  /** Art. 7 cl. 7: the group qualifies only with financial difficulty. */
  readonly needsFinancialDifficulty: boolean;
}

/** The screening's indication; never a legal decision. */
export type ScreeningResult = "likely-eligible" | "unclear" | "not-listed";

/**
 * The Art. 7 screening as the intake uses it; the integrator fills it from
 * src/escalation/eligibility.ts (`screen: screenEligibility`).
 */
export interface IntakeScreening {
  readonly questions: readonly ScreeningQuestion[];
  /** Asked (yes/no) only when a chosen group qualifies only with financial difficulty. */
  readonly financialQuestion: { readonly key: string; readonly label: string };
  screen(answers: Readonly<Record<string, boolean>>): {
    readonly result: ScreeningResult;
    readonly text: string;
  };
}

/**
 * Citizen-facing labels of the Art. 7 groups, keyed as in src/escalation/eligibility-groups.ts
 * (cl. 1–6 first, then the cl. 7 groups that need financial difficulty).
 */
export const ART7_SCREENING_QUESTIONS: readonly ScreeningQuestion[] = [
  { key: "nguoiCoCong", label: "Người có công với cách mạng", needsFinancialDifficulty: false },
  { key: "hoNgheo", label: "Người thuộc hộ nghèo", needsFinancialDifficulty: false },
  { key: "treEm", label: "Trẻ em (dưới 16 tuổi)", needsFinancialDifficulty: false },
  {
    key: "danTocThieuSoVungDbkk",
    label: "Người dân tộc thiểu số sống ở vùng đặc biệt khó khăn",
    needsFinancialDifficulty: false,
  },
  {
    key: "biBuocToi16Den18",
    label: "Người bị buộc tội, từ đủ 16 đến dưới 18 tuổi",
    needsFinancialDifficulty: false,
  },
  {
    key: "biBuocToiHoCanNgheo",
    label: "Người bị buộc tội thuộc hộ cận nghèo",
    needsFinancialDifficulty: false,
  },
  {
    key: "thanNhanLietSi",
    label: "Cha mẹ, vợ chồng, con của liệt sĩ; người nuôi liệt sĩ khi còn nhỏ",
    needsFinancialDifficulty: true,
  },
  { key: "chatDocDaCam", label: "Người nhiễm chất độc da cam", needsFinancialDifficulty: true },
  { key: "nguoiCaoTuoi", label: "Người cao tuổi (từ 60 tuổi)", needsFinancialDifficulty: true },
  { key: "nguoiKhuyetTat", label: "Người khuyết tật", needsFinancialDifficulty: true },
  {
    key: "biHai16Den18",
    label: "Người bị hại trong vụ án hình sự, từ đủ 16 đến dưới 18 tuổi",
    needsFinancialDifficulty: true,
  },
  { key: "nanNhanBaoLucGiaDinh", label: "Nạn nhân bạo lực gia đình", needsFinancialDifficulty: true },
  { key: "nanNhanMuaBanNguoi", label: "Nạn nhân mua bán người", needsFinancialDifficulty: true },
  { key: "nhiemHiv", label: "Người nhiễm HIV", needsFinancialDifficulty: true },
];

/** The Art. 7 cl. 7 condition, keyed as `FINANCIAL_DIFFICULTY` in src/escalation/eligibility-groups.ts. */
export const FINANCIAL_DIFFICULTY_QUESTION = {
  key: "khoKhanTaiChinh",
  label: "Hiện bạn (hoặc người cần giúp) có đang khó khăn về tiền bạc không?",
} as const;
