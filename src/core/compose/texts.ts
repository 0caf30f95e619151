import type { LegalRef } from "../ports.js";
import type { EmergencyCategory } from "../safety/emergency-patterns.js";
import type { OrgInfo } from "./org-info.js";

/** The national legal-aid hotline (LEGAL-CONTEXT.md). */
export const NATIONAL_HOTLINE = "1800.1233";
const HOTLINE_LINE = `Tổng đài trợ giúp pháp lý quốc gia ${NATIONAL_HOTLINE} (miễn phí, 8:00–17:00 thứ Hai đến thứ Sáu, trừ ngày lễ)`;

/** Said wherever the bot did not understand a message: it may be a danger told in words it does not know. */
export const DANGER_LINE =
  "Nếu bạn hoặc ai đó đang gặp nguy hiểm, hãy gọi ngay 113 (công an), 114 (cứu hỏa, cứu nạn) hoặc 115 (cấp cứu).";

export const DISCLAIMER =
  "Đây là thông tin pháp luật chung, không thay cho tư vấn về trường hợp cụ thể của bạn.";

export const BUTTON_LABELS = {
  up: "👍 Hữu ích",
  down: "👎 Chưa đúng ý",
  person: "Gặp cán bộ trợ giúp pháp lý",
  help: "Xem các chủ đề",
} as const;

/** "khoản 1 Điều 56 Luật Hôn nhân và gia đình 2014 (52/2014/QH13)". */
export function formatLegalRef(ref: LegalRef): string {
  const where = [ref.clause, ref.article].filter(Boolean).join(" ");
  const number = ref.number && !ref.document.includes(ref.number) ? ` (${ref.number})` : "";
  return `${where ? `${where} ` : ""}${ref.document}${number}`;
}

/** "Căn cứ: …; …." — articles of one document are grouped: "Điều 27, Điều 12 Nghị quyết … (326/2016/UBTVQH14)". */
export function basisLine(refs: readonly LegalRef[]): string {
  const groups = new Map<string, LegalRef[]>();
  for (const ref of refs) {
    const key = `${ref.document}|${ref.number ?? ""}`;
    groups.set(key, [...(groups.get(key) ?? []), ref]);
  }
  const parts = [...groups.values()].map((group) => {
    const first = group[0] as LegalRef;
    const where = group.map((r) => [r.clause, r.article].filter(Boolean).join(" ")).filter(Boolean);
    return formatLegalRef({ ...first, clause: undefined, article: where.join(", ") || undefined });
  });
  return `Căn cứ: ${parts.join("; ")}.`;
}

/** Markdown answer → plain chat text: headings become "Chi tiết:", list markers become bullets. */
export function plainAnswer(markdown: string): string {
  return markdown
    .replace(/^#{1,6}\s*(.+?)\s*$/gm, "$1:")
    .replace(/^\s*[-*]\s+/gm, "• ")
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function contactLine(org: OrgInfo): string {
  return `${org.legalAidCenterName}: ${org.legalAidPhone} (${org.openingHours}), địa chỉ: ${org.legalAidAddress}. Hoặc ${HOTLINE_LINE}.`;
}

export function topicMenu(labels: readonly string[]): string {
  return labels.map((l) => `• ${l}`).join("\n");
}

/** The one question asked when sibling FAQs differ in one attribute ("phương tiện": xe máy / ô tô). */
function clarifyQuestion(attribute: string): string {
  return `Dạ, câu trả lời khác nhau tùy ${attribute}. Bạn hỏi trường hợp nào?`;
}

/** A label as an option or a button shows it: first letter upper-case ("xe máy" → "Xe máy"). */
export function capitalize(label: string): string {
  return label.charAt(0).toLocaleUpperCase("vi") + label.slice(1);
}

export const texts = {
  greeting: (org: OrgInfo, menu: string) =>
    `Dạ, chào bạn! Mình là trợ lý pháp luật của ${org.name}. Bạn cứ hỏi bằng lời của mình, mình sẽ trả lời kèm căn cứ pháp luật. Mình có thể giúp về:\n${menu}\n\nMình không lưu tên hay số điện thoại của bạn nếu bạn không đồng ý.`,
  help: (menu: string) =>
    `Dạ, bạn gõ câu hỏi ngắn gọn, ví dụ: "ly hôn đơn phương thế nào", "làm lại giấy khai sinh". Các chủ đề mình trả lời được:\n${menu}\n\nCần người thật giúp, bạn bấm "${BUTTON_LABELS.person}".`,
  answeringQuestion: (question: string) => `Về câu hỏi «${question}»:`,
  feedbackUp: () => "Dạ, cảm ơn bạn đã góp ý!",
  feedbackDown: () =>
    "Dạ, cảm ơn bạn đã góp ý. Câu hỏi của bạn sẽ được cán bộ xem lại để trả lời tốt hơn. Bạn có thể hỏi lại bằng cách khác, hoặc gặp cán bộ để được giúp trực tiếp.",
  thanks: () => "Dạ, không có gì ạ. Bạn cần hỏi thêm thì cứ nhắn cho mình nhé.",
  privacy: (org: OrgInfo, ttlMinutes: number) =>
    `Dạ, mình chỉ giữ nội dung cuộc trò chuyện trong ${ttlMinutes} phút để hiểu câu hỏi tiếp theo của bạn. Số liệu thống kê không có tên hay số điện thoại của bạn; riêng câu hỏi mình chưa trả lời được thì được giữ lại (đã xóa số điện thoại, số giấy tờ) để cán bộ bổ sung câu trả lời. Mình chỉ hỏi thông tin liên hệ khi bạn muốn gặp cán bộ và đồng ý. Muốn xóa, bạn gõ "xóa dữ liệu của tôi". Hỏi thêm: ${org.legalAidCenterName}, ${org.legalAidPhone}.`,
  feedbackRefused: () =>
    "Dạ, mình chưa ghi nhận đánh giá này vì câu trả lời đó không có trong cuộc trò chuyện của bạn. Bạn cứ hỏi lại, rồi bấm 👍 hoặc 👎 dưới câu trả lời nhé.",
  deleted: () => "Dạ, mình đã xóa nội dung cuộc trò chuyện của bạn. Bạn có thể bắt đầu lại bất cứ lúc nào.",
  deletedWithCases: (count: number) =>
    count > 0
      ? `Dạ, mình đã xóa nội dung cuộc trò chuyện của bạn và xóa thông tin cá nhân trong ${count} hồ sơ bạn đã gửi cán bộ. Bạn có thể bắt đầu lại bất cứ lúc nào.`
      : "Dạ, mình đã xóa nội dung cuộc trò chuyện của bạn (bạn chưa gửi hồ sơ nào cho cán bộ). Bạn có thể bắt đầu lại bất cứ lúc nào.",
  deleteCasesFailed: (org: OrgInfo) =>
    `Dạ, mình đã xóa nội dung cuộc trò chuyện, nhưng CHƯA xóa được thông tin trong hồ sơ đã gửi cán bộ do lỗi hệ thống. Bạn gõ lại "xóa dữ liệu của tôi" sau ít phút, hoặc liên hệ ${org.legalAidCenterName}: ${org.legalAidPhone}.`,
  statusUnavailable: (org: OrgInfo) =>
    `Dạ, hiện mình chưa xem được tình trạng hồ sơ do lỗi hệ thống. Bạn thử lại sau ít phút, hoặc liên hệ ${org.legalAidCenterName}: ${org.legalAidPhone} (${org.openingHours}).`,
  rated: () => "Dạ, cảm ơn bạn đã đánh giá! Ý kiến của bạn giúp cán bộ hỗ trợ người dân tốt hơn.",
  ratingRefused: () => "Dạ, hồ sơ này không còn nhận đánh giá. Cảm ơn bạn!",
  ratingFailed: () =>
    "Dạ, mình chưa ghi được đánh giá do lỗi hệ thống. Bạn gõ lại số từ 1 đến 5 sau ít phút nhé.",
  askPerson: (org: OrgInfo) =>
    `Dạ, bạn có thể nói chuyện trực tiếp với cán bộ trợ giúp pháp lý. Trợ giúp pháp lý là miễn phí cho người thuộc diện được hưởng.\n${contactLine(org)}`,
  complexCase: (org: OrgInfo) =>
    `Dạ, trường hợp của bạn cần cán bộ trợ giúp pháp lý xem trực tiếp, vì có thời hạn gấp hoặc nhiều việc liên quan. Bạn nên liên hệ ngay:\n${contactLine(org)}\nKhi liên hệ, bạn mang theo giấy tờ đã nhận (giấy triệu tập, quyết định, bản án…).\n\n${DANGER_LINE}`,
  choices: (questions: readonly string[]) =>
    `Dạ, bạn muốn hỏi điều nào dưới đây? Bấm chọn hoặc gõ số:\n${questions.map((q, i) => `${i + 1}. ${q}`).join("\n")}\n\nNếu không có ý đúng, bạn hỏi lại bằng cách khác nhé.`,
  longStory: (org: OrgInfo, questions: readonly string[]) =>
    `Dạ, câu chuyện của bạn có nhiều việc liên quan, nên cần cán bộ trợ giúp pháp lý xem trực tiếp để không bỏ sót. Bạn liên hệ:\n${contactLine(org)}\n${DANGER_LINE}${questions.length ? `\n\nTrong lúc chờ, bạn có thể xem (gõ số để chọn):\n${questions.map((q, i) => `${i + 1}. ${q}`).join("\n")}` : ""}`,
  numberedTopics: (labels: readonly string[]) =>
    `${labels.map((l, i) => `${i + 1}. ${l}`).join("\n")}\n(Bấm chọn hoặc gõ số để xem các câu hỏi thường gặp.)`,
  topicQuestions: (label: string, questions: readonly string[]) =>
    `Dạ, một số câu hỏi thường gặp về «${label}» (bấm chọn hoặc gõ số):\n${questions.map((q, i) => `${i + 1}. ${q}`).join("\n")}\n\nBạn cũng có thể gõ câu hỏi bằng lời của mình.`,
  clarifyQuestion,
  clarify: (attribute: string, labels: readonly string[]) =>
    `${clarifyQuestion(attribute)}\n${labels.map((l, i) => `${i + 1}. ${capitalize(l)}`).join("\n")}\n\nBạn bấm chọn, gõ số hoặc gõ câu trả lời (ví dụ: "${labels.at(-1)}").`,
  alternatives: (questions: readonly string[]) =>
    `Hoặc bạn muốn hỏi (gõ số để xem):\n${questions.map((q, i) => `${i + 1}. ${q}`).join("\n")}`,
  whatToAsk: () =>
    'Dạ, bạn muốn hỏi gì ạ? Bạn gõ câu hỏi bằng lời của mình, ví dụ: "thủ tục ly hôn", hoặc gõ "chủ đề" để xem các chủ đề.',
  pickInRange: (n: number) => `Dạ, bạn gõ số từ 1 đến ${n} để chọn câu hỏi ở trên, hoặc gõ câu hỏi mới nhé.`,
  // The detector cannot know every way of telling a danger (a held-out set written blind caught 82%):
  // whatever it missed lands here, so the numbers come right after the first sentence.
  fallback: (menu: string) =>
    `Dạ, mình chưa tìm được câu trả lời chắc chắn cho câu này. ${DANGER_LINE}\n\nMình trả lời câu hỏi pháp luật thường gặp về:\n${menu}\n\nBạn thử hỏi ngắn gọn hơn, hoặc gọi ${HOTLINE_LINE}.`,
  fallbackAgain: (org: OrgInfo) =>
    `Dạ, mình vẫn chưa tìm được câu trả lời đúng ý bạn. ${DANGER_LINE}\n\nBạn có muốn gặp cán bộ trợ giúp pháp lý không? Bấm "${BUTTON_LABELS.person}", hoặc liên hệ:\n${contactLine(org)}`,
  emptyText: () => 'Dạ, bạn gõ câu hỏi bằng chữ giúp mình nhé, ví dụ: "thủ tục ly hôn".',
  searchDown: (org: OrgInfo) =>
    `Dạ, hệ thống tra cứu đang tạm gián đoạn, bạn thử lại sau ít phút nhé. Cần gấp, bạn gọi ${HOTLINE_LINE}, hoặc ${org.legalAidCenterName}: ${org.legalAidPhone}.`,
  machineTranslated: "(Bản dịch máy, có thể chưa chính xác.)",
};

const NUMBER_NAMES: Record<string, string> = {
  "113": "Công an",
  "114": "Cứu hỏa, cứu nạn",
  "115": "Cấp cứu y tế",
  "111": "Tổng đài quốc gia bảo vệ trẻ em (miễn phí, 24/7)",
};

const EMERGENCY_ADVICE: Record<EmergencyCategory, string> = {
  "violence-now": "Hãy chạy đến nơi an toàn (nhà hàng xóm, nơi đông người) và nhờ người xung quanh giúp.",
  "child-abuse": "Nếu trẻ đang bị đánh hoặc bị nguy hiểm, hãy gọi ngay và đưa trẻ đến nơi an toàn.",
  "sexual-abuse": "Hãy đến nơi an toàn, giữ nguyên quần áo và dấu vết, báo công an và đi khám ở cơ sở y tế.",
  suicide:
    "Bạn không một mình. Hãy gọi ngay hoặc nói với một người bạn tin tưởng đang ở gần bạn. Mọi chuyện đều có thể tìm cách giải quyết.",
  trafficking:
    "Nếu có thể, hãy gửi vị trí cho người thân và báo công an. Đừng đưa thêm tiền hay giấy tờ cho người lạ.",
  stabbing:
    "Ép chặt vết thương bằng khăn hoặc vải sạch để cầm máu; không rút dao hay vật đâm ra. Tránh xa người gây thương tích.",
  "child-taken":
    "Hãy báo công an ngay: tả đặc điểm của cháu và người đưa đi, quần áo, hướng đi, biển số xe nếu thấy. Nhờ người xung quanh cùng tìm và giữ ảnh mới nhất của cháu.",
  fire: "Hãy ra khỏi nhà ngay, cúi thấp người, lấy khăn ướt che mũi miệng; không dùng thang máy, không quay lại lấy đồ. Ngắt cầu dao điện nếu làm được.",
  drowning:
    "Hô to gọi người giúp; ném phao, can nhựa, sào hoặc dây cho người đuối nước bám. Đừng nhảy xuống nếu bạn không biết bơi cứu người.",
  "break-in":
    "Đừng ra đối mặt. Khóa cửa phòng, ở yên chỗ an toàn, gọi công an và báo hàng xóm; chỉ ra ngoài khi công an đến.",
  "scam-now":
    "Đừng chuyển tiền, đừng đọc mã OTP, tắt máy ngay. Công an, viện kiểm sát, tòa án không làm việc qua điện thoại và không bao giờ bắt chuyển tiền. Người thân được báo là gặp nạn: gọi thẳng cho họ để hỏi lại. Nếu tiền đang bị trừ hoặc đã chuyển, gọi ngay tổng đài ngân hàng để khóa tài khoản, rồi báo công an.",
  medical:
    "Gọi 115 và nói rõ địa chỉ. Người không tỉnh, không thở: đặt nằm ngửa trên nền cứng, ép tim giữa ngực nếu bạn biết cách. Co giật: đặt nằm nghiêng, không nhét gì vào miệng. Chảy máu: ép chặt vết thương bằng vải sạch. Ngộ độc: giữ lại thức ăn, thuốc hay vỏ chai cho bác sĩ xem.",
  "traffic-accident":
    "Gọi 115 rồi báo công an. Bật đèn, đặt vật báo hiệu cho xe khác tránh. Không tự ý di chuyển người bị thương nặng (trừ khi có cháy, nổ); ép vải sạch lên chỗ chảy máu. Xe gây tai nạn bỏ chạy: nhớ biển số, màu xe, hướng đi.",
  "gas-explosion":
    "Khóa van bình gas, mở cửa cho thoáng. Không bật, tắt công tắc điện, không dùng lửa, không gọi điện ở chỗ có mùi gas: ra xa rồi mới gọi. Nếu đã nổ: rời xa chỗ đó, đề phòng nổ tiếp.",
  disaster:
    "Lên chỗ cao, tránh xa sườn đồi, bờ sông và nhà có vết nứt. Người bị kẹt: gõ vào vật cứng để báo chỗ mình. Người ở ngoài: đừng tự đào bới khi còn nguy cơ sập tiếp, hãy gọi cứu nạn. Kẹt thang máy: bấm chuông cứu hộ, đừng cố cạy cửa.",
  robbery:
    "Đừng giằng co, chống cự: tính mạng quan trọng hơn tiền của. Khi an toàn, đến chỗ đông người, nhờ người xung quanh hoặc nhân viên ngân hàng, cửa hàng giúp; nhớ mặt, quần áo, biển số xe. Bị ép chuyển tiền: gọi ngay tổng đài ngân hàng để khóa tài khoản.",
  followed:
    "Đi vào chỗ đông người, cửa hàng hoặc trụ sở công an gần nhất; đừng về nhà một mình. Gọi cho người thân, báo bạn đang ở đâu. Ở trong nhà thì khóa cửa, không mở cho người lạ.",
};

export function emergencyText(category: EmergencyCategory, numbers: readonly string[], org: OrgInfo): string {
  const lines = numbers.map((n) => `• ${n} — ${NUMBER_NAMES[n] ?? ""}`);
  return `⚠️ Nếu bạn hoặc ai đó đang gặp nguy hiểm, hãy gọi ngay:\n${lines.join("\n")}\n\n${EMERGENCY_ADVICE[category]}\n\nKhi đã an toàn, bạn có thể gặp cán bộ trợ giúp pháp lý (miễn phí): ${org.legalAidCenterName}, ${org.legalAidPhone}.`;
}
