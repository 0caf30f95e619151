/**
 * The target groups the reports count, with Vietnamese labels. Phone calls use these ids
 * directly; case events carry the Art. 7 screening keys of Luật Trợ giúp pháp lý 2017
 * (src/escalation/eligibility-groups.ts), mapped here onto the same rows.
 */
export const REPORT_GROUPS = [
  { id: "child", label: "Trẻ em" },
  { id: "poor-household", label: "Người thuộc hộ nghèo" },
  { id: "near-poor-household", label: "Người thuộc hộ cận nghèo" },
  { id: "ethnic-minority", label: "Người dân tộc thiểu số" },
  { id: "disability", label: "Người khuyết tật" },
  { id: "elderly", label: "Người cao tuổi" },
  { id: "meritorious", label: "Người có công với cách mạng" },
  { id: "martyr-relative", label: "Thân nhân liệt sĩ" },
  { id: "agent-orange", label: "Người nhiễm chất độc da cam" },
  { id: "accused-minor", label: "Người bị buộc tội từ đủ 16 đến dưới 18 tuổi" },
  { id: "victim-minor", label: "Bị hại từ đủ 16 đến dưới 18 tuổi" },
  { id: "domestic-violence-victim", label: "Nạn nhân bạo lực gia đình" },
  { id: "trafficking-victim", label: "Nạn nhân mua bán người" },
  { id: "hiv", label: "Người nhiễm HIV" },
  { id: "other", label: "Đối tượng khác" },
  { id: "none", label: "Không thuộc nhóm nào / chưa rõ" },
] as const;

export type ReportGroup = (typeof REPORT_GROUPS)[number]["id"];

export const REPORT_GROUP_IDS = REPORT_GROUPS.map((g) => g.id) as [ReportGroup, ...ReportGroup[]];

/** Art. 7 screening keys → report group; `khoKhanTaiChinh` is a condition, not a group. */
const FROM_ELIGIBILITY_KEY: Readonly<Record<string, ReportGroup>> = {
  nguoiCoCong: "meritorious",
  hoNgheo: "poor-household",
  treEm: "child",
  danTocThieuSoVungDbkk: "ethnic-minority",
  biBuocToi16Den18: "accused-minor",
  biBuocToiHoCanNgheo: "near-poor-household",
  thanNhanLietSi: "martyr-relative",
  chatDocDaCam: "agent-orange",
  nguoiCaoTuoi: "elderly",
  nguoiKhuyetTat: "disability",
  biHai16Den18: "victim-minor",
  nanNhanBaoLucGiaDinh: "domestic-violence-victim",
  nanNhanMuaBanNguoi: "trafficking-victim",
  nhiemHiv: "hiv",
};

/** The distinct report groups of a case's Art. 7 keys; `["none"]` when it has none. */
export function groupsOfCase(eligibilityKeys: readonly string[]): ReportGroup[] {
  const groups = new Set<ReportGroup>();
  for (const key of eligibilityKeys) {
    const g = FROM_ELIGIBILITY_KEY[key];
    if (g) groups.add(g);
  }
  return groups.size ? [...groups] : ["none"];
}

/** The label of a report group id. */
export function groupLabel(id: string): string {
  return REPORT_GROUPS.find((g) => g.id === id)?.label ?? id;
}
