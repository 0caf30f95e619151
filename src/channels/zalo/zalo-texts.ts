export const texts = {
  textOnly: "Dạ, hiện mình chỉ hỗ trợ tin nhắn chữ. Bạn gõ câu hỏi bằng chữ giúp mình nhé.",
  /** Zalo text messages carry no buttons: the way to reach a person is typed. */
  personHint: 'Muốn gặp cán bộ trợ giúp pháp lý, bạn gõ "gặp cán bộ".',
} as const;
