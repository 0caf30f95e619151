import type { OrgInfo } from "../compose/org-info.js";
import { contactLine } from "../compose/texts.js";

/** Button labels of the case thread. */
export const THREAD_BUTTONS = {
  leave: "Quay lại trợ lý",
  resume: "Nhắn tiếp cho cán bộ",
} as const;

/** What the citizen reads about the case thread (their chat with the legal-aid officer). */
export const threadTexts = {
  /** Said when the thread starts (a case answered in the chat was opened) and when it resumes. */
  inThread: (caseId: string) =>
    `Dạ, từ giờ tin nhắn bạn gửi ở đây sẽ đến cán bộ phụ trách hồ sơ ${caseId}, trợ lý tự động không trả lời thay. Muốn hỏi trợ lý tự động, bạn gõ "quay lại trợ lý".`,
  resumed: (caseId: string) =>
    `Dạ, bạn đang nhắn với cán bộ về hồ sơ ${caseId}. Tin nhắn bạn gửi ở đây sẽ đến cán bộ. Muốn hỏi trợ lý tự động, bạn gõ "quay lại trợ lý".`,
  left: (caseId: string) =>
    `Dạ, bạn đang hỏi trợ lý tự động. Hồ sơ ${caseId} vẫn mở, cán bộ trả lời vẫn đến khung chat này. Muốn nhắn tiếp cho cán bộ, bạn gõ "gặp cán bộ".`,
  botAgain: () => "Dạ, trợ lý tự động đang trả lời bạn. Bạn cứ hỏi nhé.",
  /** Added under the emergency numbers when the danger was written in the thread. */
  alsoForwarded: (caseId: string) =>
    `\n\nTin nhắn của bạn cũng đã được chuyển cho cán bộ phụ trách hồ sơ ${caseId}.`,
  notSaved: (org: OrgInfo) =>
    `Dạ, tin nhắn CHƯA gửi được cho cán bộ do lỗi hệ thống. Bạn gửi lại sau ít phút, hoặc liên hệ trực tiếp:\n${contactLine(org)}`,
};
