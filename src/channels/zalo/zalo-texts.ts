export const texts = {
  textOnly: "Dạ, hiện mình chỉ hỗ trợ tin nhắn chữ. Bạn gõ câu hỏi bằng chữ giúp mình nhé.",
  /** Typed works everywhere (also when Zalo refuses the buttons): the way to reach a person. */
  personHint: 'Muốn gặp cán bộ trợ giúp pháp lý, bạn gõ "gặp cán bộ".',
  /** What the "person" button sends back: the same words the hint asks the citizen to type. */
  personPayload: "gặp cán bộ",
} as const;
