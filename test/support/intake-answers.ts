/**
 * A citizen's answers through the whole intake (consent, story, topic, reply in this chat, commune,
 * no screening group, send): the case is then open and answered in the chat.
 */
export const INTAKE_IN_CHAT = [
  "tôi muốn gặp cán bộ",
  "có",
  "Tôi cho hàng xóm vay 50 triệu có giấy vay, nay họ không trả",
  "đúng",
  "1",
  "xã Ví Dụ",
  "0",
  "gửi",
] as const;
