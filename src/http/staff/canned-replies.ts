/** What the canned replies may name: the center's details come from config, never invented. */
export interface CannedReplyOrg {
  readonly legalAidCenterName?: string;
  readonly legalAidPhone?: string;
  readonly legalAidAddress?: string;
}

/** Short replies staff send often; they pick one into the reply box and edit it before sending. */
export function cannedReplies(org: CannedReplyOrg = {}): readonly { label: string; text: string }[] {
  const center = org.legalAidCenterName ?? "Trung tâm Trợ giúp pháp lý nhà nước";
  const where = [
    org.legalAidAddress ? `địa chỉ: ${org.legalAidAddress}` : "",
    org.legalAidPhone ? `điện thoại: ${org.legalAidPhone}` : "",
  ]
    .filter(Boolean)
    .join(", ");
  const place = where ? ` (${where})` : "";
  return [
    {
      label: "Đã nhận hồ sơ",
      text: "Dạ, cán bộ đã nhận hồ sơ của anh/chị và đang xem xét. Anh/chị chờ cán bộ trả lời trong khung chat này nhé.",
    },
    {
      label: "Hỏi thêm thông tin",
      text: "Dạ, anh/chị cho cán bộ biết thêm: việc xảy ra từ khi nào, và anh/chị đang giữ những giấy tờ gì liên quan?",
    },
    {
      label: "Mời đến Trung tâm",
      text: `Dạ, anh/chị mang căn cước và các giấy tờ liên quan đến ${center}${place} để cán bộ xem trực tiếp và hướng dẫn thủ tục trợ giúp pháp lý miễn phí.`,
    },
    {
      label: "Kết thúc trao đổi",
      text: 'Dạ, cán bộ xin phép kết thúc trao đổi về hồ sơ này. Khi cần, anh/chị nhắn "gặp cán bộ" để được hỗ trợ tiếp.',
    },
  ];
}
