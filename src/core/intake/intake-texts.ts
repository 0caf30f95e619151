import type { OrgInfo } from "../compose/org-info.js";
import { contactLine, DANGER_LINE } from "../compose/texts.js";
import { formatVietnamTime } from "./format-vietnam-time.js";

const numbered = (items: readonly string[]) => items.map((item, i) => `${i + 1}. ${item}`).join("\n");
const CANCEL_HINT = '(Bạn gõ "hủy" bất cứ lúc nào để dừng.)';
const SEND_OR_CANCEL = 'Gõ "gửi" để gửi cho cán bộ, hoặc "hủy" để thôi.';

/** What the citizen reads during the intake (one short question at a time). */
export const intakeTexts = {
  /** The opening line, by why the intake started. */
  lead: (reason: string, org: OrgInfo): string => {
    switch (reason) {
      case "complex-case":
        return `Dạ, trường hợp của bạn cần cán bộ trợ giúp pháp lý xem trực tiếp, vì có thời hạn gấp hoặc nhiều việc liên quan. Cần gấp, bạn liên hệ ngay:\n${contactLine(org)}\n${DANGER_LINE}\nMình cũng có thể gửi hồ sơ của bạn cho cán bộ ngay bây giờ.`;
      case "second-failure":
        return `Dạ, mình vẫn chưa tìm được câu trả lời đúng ý bạn. ${DANGER_LINE}\n\nMình có thể gửi câu hỏi của bạn cho cán bộ trợ giúp pháp lý để cán bộ trả lời.`;
      default:
        return "Dạ, mình sẽ chuyển việc của bạn cho cán bộ trợ giúp pháp lý. Trợ giúp pháp lý là miễn phí cho người thuộc diện được hưởng.";
    }
  },
  consent: (org: OrgInfo) =>
    `Để cán bộ liên hệ lại, mình cần lưu cách liên hệ với bạn và những gì bạn trả lời từ bước này (nội dung việc cần giúp), trong thời gian cần để giải quyết. Cán bộ không xem các câu bạn đã hỏi trợ lý trước đó. Khi hồ sơ đang mở và bạn chọn trả lời trong khung chat, tin nhắn bạn gửi sau đó cũng đến cán bộ. Chỉ cán bộ ${org.legalAidCenterName} đọc các thông tin này. Bạn gõ "xóa dữ liệu của tôi" bất cứ lúc nào để xóa.\nBạn có đồng ý không? Gõ "có" hoặc "không". ${CANCEL_HINT}`,
  declined: (org: OrgInfo) =>
    `Dạ, mình không lưu thông tin nào của bạn. Bạn có thể liên hệ trực tiếp:\n${contactLine(org)}`,
  cancelled: () =>
    'Dạ, mình đã hủy: không gửi và không lưu hồ sơ nào. Khi cần, bạn gõ "gặp cán bộ" để bắt đầu lại.',
  description: () =>
    "Dạ, bạn kể ngắn gọn việc cần giúp: chuyện gì xảy ra, từ khi nào, bạn muốn được giúp gì.",
  descriptionTooShort: () => "Dạ, bạn kể thêm một chút (ít nhất một câu ngắn) về việc cần giúp nhé.",
  topic: (suggested: string | undefined, labels: readonly string[]) =>
    suggested
      ? `Dạ, việc của bạn có phải về chủ đề «${suggested}» không? Gõ "đúng" nếu đúng, hoặc gõ số của chủ đề khác:\n${numbered(labels)}`
      : `Dạ, việc của bạn thuộc chủ đề nào? Gõ số:\n${numbered(labels)}`,
  contact: () =>
    "Dạ, bạn muốn cán bộ liên hệ thế nào? Gõ số:\n1. Trả lời trong khung chat này\n2. Gọi điện thoại cho bạn",
  phone: () =>
    'Dạ, bạn cho mình số điện thoại để cán bộ gọi, ví dụ: 0912 345 678. Không muốn để số, bạn gõ "bỏ qua", cán bộ sẽ trả lời trong khung chat này.',
  phoneInvalid: () =>
    "Dạ, số điện thoại chưa đúng. Bạn nhập lại số di động 10 số hoặc số cố định 11 số, ví dụ: 0912 345 678.",
  commune: () => "Dạ, bạn đang sống ở xã hay phường nào? Bạn gõ tên xã hoặc phường giúp mình.",
  communeInvalid: () => "Dạ, bạn gõ tên xã hoặc phường (từ 2 đến 120 ký tự) giúp mình nhé.",
  groups: (labels: readonly string[]) =>
    `Dạ, bạn (hoặc người cần giúp) có thuộc nhóm nào dưới đây không? Người thuộc các nhóm này có thể được trợ giúp pháp lý miễn phí.\n${numbered(labels)}\n\nGõ các số, ví dụ: 2 5; gõ 0 nếu không thuộc nhóm nào; gõ "bỏ qua" nếu không rõ.`,
  financial: (label: string) => `Dạ, ${lowerFirst(label)} Gõ "có", "không" hoặc "bỏ qua".`,
  confirm: (lines: {
    description: string;
    topic: string;
    contact: string;
    commune: string;
    screening?: string;
  }) =>
    `${lines.screening ? `${lines.screening}\n\n` : ""}Dạ, bạn xem lại trước khi gửi:\n• Việc cần giúp: ${lines.description}\n• Chủ đề: ${lines.topic}\n• Liên hệ: ${lines.contact}\n• Xã/phường: ${lines.commune}\n\n${SEND_OR_CANCEL}`,
  contactChat: "trả lời trong khung chat này",
  contactPhone: (phone: string) => `gọi điện thoại số ${phone}`,
  confirmAgain: () => `Dạ, ${lowerFirst(SEND_OR_CANCEL)}`,
  notUnderstood: "Dạ, mình chưa hiểu câu trả lời.",
  done: (caseId: string, dueAt: string, org: OrgInfo, contact: "chat" | "phone") =>
    `Dạ, hồ sơ của bạn đã được gửi. Mã hồ sơ: ${caseId} (bạn nên ghi lại).\nCán bộ ${org.legalAidCenterName} sẽ ${contact === "phone" ? "gọi điện cho bạn" : "trả lời trong khung chat này"} trước ${formatVietnamTime(dueAt)}.\nMuốn xem hồ sơ đến đâu, bạn gõ "tình trạng hồ sơ" hoặc mã hồ sơ.`,
  notSaved: (org: OrgInfo) =>
    `Dạ, hồ sơ CHƯA lưu được do lỗi hệ thống, cán bộ chưa nhận được. Bạn gõ "gửi" để thử lại sau ít phút, hoặc liên hệ trực tiếp:\n${contactLine(org)}`,
  descriptionIsPhone: () =>
    "Dạ, đây là số điện thoại, mình không ghi vào phần kể việc. Muốn cán bộ gọi số này, bạn chọn gọi điện ở bước sau. Bây giờ bạn kể ngắn gọn việc cần giúp bằng lời nhé.",
  descriptionIsNumber: () =>
    "Dạ, đây là một dãy số (như số giấy tờ), mình không ghi lại. Bạn kể ngắn gọn việc cần giúp bằng lời nhé: chuyện gì xảy ra, bạn muốn được giúp gì.",
  afterEmergency:
    '\n\nHồ sơ gửi cán bộ bạn đang điền dở vẫn được giữ. Khi đã an toàn, bạn bấm «Tiếp tục hồ sơ» hoặc gõ "tiếp tục" để gửi tiếp.',
  draftKept:
    '\n\nHồ sơ gửi cán bộ bạn đang điền dở vẫn được giữ. Bạn bấm «Tiếp tục hồ sơ» hoặc gõ "tiếp tục" để gửi tiếp.',
  resumed: (description: string | undefined) =>
    `Dạ, mình tiếp tục hồ sơ của bạn.${description ? ` Việc cần giúp bạn đã kể: «${description}».` : ""}`,
};

/** The intake's button labels (web and Telegram; Zalo keeps the numbered text). */
export const INTAKE_BUTTONS = {
  agree: "Đồng ý",
  disagree: "Không đồng ý",
  suggested: (label: string) => `Đúng: ${label}`,
  chat: "Trả lời trong khung chat này",
  call: "Gọi điện cho tôi",
  callNumber: (phone: string) => `Gọi số ${phone}`,
  skipPhone: "Không để số, nhắn trong chat",
  picksDone: "Xong",
  noGroup: "Không thuộc nhóm nào",
  unsure: "Không rõ",
  yes: "Có",
  no: "Không",
  send: "Gửi cho cán bộ",
  cancel: "Hủy, không gửi",
  resume: "Tiếp tục hồ sơ",
  cancelDraft: "Hủy hồ sơ",
} as const;

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
