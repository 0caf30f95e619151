/** Luật Trợ giúp pháp lý 2017 (11/2017/QH14) Art. 7 cl. 1–6: eligible by belonging to the group. */
export const ALWAYS_ELIGIBLE_GROUPS = [
  "nguoiCoCong",
  "hoNgheo",
  "treEm",
  "danTocThieuSoVungDbkk",
  "biBuocToi16Den18",
  "biBuocToiHoCanNgheo",
] as const;

/** Art. 7 cl. 7: eligible when also in financial difficulty (`khoKhanTaiChinh`). */
export const FINANCIAL_DIFFICULTY_GROUPS = [
  "thanNhanLietSi",
  "chatDocDaCam",
  "nguoiCaoTuoi",
  "nguoiKhuyetTat",
  "biHai16Den18",
  "nanNhanBaoLucGiaDinh",
  "nanNhanMuaBanNguoi",
  "nhiemHiv",
] as const;

/** The condition of the second list. */
export const FINANCIAL_DIFFICULTY = "khoKhanTaiChinh" as const;
