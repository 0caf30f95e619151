/** Bot commands, registered with setMyCommands (descriptions are what citizens see in the menu). */
export const TELEGRAM_COMMANDS = [
  { command: "start", description: "Bắt đầu: trợ lý giúp được gì" },
  { command: "help", description: "Cách hỏi cho dễ hiểu" },
  { command: "chude", description: "Các chủ đề pháp luật" },
  { command: "gapcanbo", description: "Gặp cán bộ trợ giúp pháp lý" },
  { command: "riengtu", description: "Quyền riêng tư, cách xóa dữ liệu" },
] as const;

/** The reason prompt sent after 👎; a reply to it is recognised by this opening. */
export const REASON_PROMPT =
  "Nếu muốn, bạn trả lời tin nhắn này bằng vài chữ: câu trả lời chưa đúng ý ở chỗ nào? (Không bắt buộc, không ghi tên hay số điện thoại.)";

export const texts = {
  reasonPlaceholder: "Chưa đúng ý ở chỗ nào?",
  reasonThanks: "Dạ, cảm ơn bạn, mình đã ghi lại để cán bộ xem lại câu trả lời.",
  feedbackToast: "Cảm ơn bạn đã góp ý!",
  textOnly: "Dạ, hiện mình chỉ hỗ trợ tin nhắn chữ. Bạn gõ câu hỏi bằng chữ giúp mình nhé.",
} as const;
