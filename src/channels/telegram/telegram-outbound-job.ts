import { z } from "zod";

const inlineKeyboardSchema = z.object({
  inline_keyboard: z.array(
    z.array(z.object({ text: z.string().min(1), callback_data: z.string().min(1).max(64) })),
  ),
});
const forceReplySchema = z.object({
  force_reply: z.literal(true),
  input_field_placeholder: z.string().max(64).optional(),
});

/** One Telegram message: HTML text (already escaped) and an optional keyboard or force-reply. */
export const telegramPieceSchema = z.object({
  html: z.string().min(1),
  replyMarkup: z.union([inlineKeyboardSchema, forceReplySchema]).optional(),
});
export type TelegramPiece = z.infer<typeof telegramPieceSchema>;

/** An outbound Telegram job: the messages of one reply, sent in order, each at most once. */
export const telegramOutboundJobSchema = z.object({
  /** Idempotency key: the update that caused the reply. */
  key: z.string().min(1),
  chatId: z.number().int(),
  pieces: z.array(telegramPieceSchema).min(1),
});
export type TelegramOutboundJob = z.infer<typeof telegramOutboundJobSchema>;
