export { decodeAction, encodeAction, MAX_CALLBACK_DATA_BYTES } from "./callback-data.js";
export { type FeedbackReasons, redisFeedbackReasons } from "./feedback-reasons.js";
export {
  escapeHtml,
  htmlPieces,
  inlineKeyboard,
  renderTelegramReply,
  TELEGRAM_MAX_TEXT,
} from "./render-telegram-reply.js";
export { startTelegram, type TelegramChannel, type TelegramDeps } from "./start-telegram.js";
export { telegramDelivery } from "./telegram-delivery.js";
export { installTelegramHandlers, type TelegramHandlerDeps } from "./telegram-handlers.js";
export { telegramKeys } from "./telegram-keys.js";
export {
  type TelegramOutboundJob,
  type TelegramPiece,
  telegramOutboundJobSchema,
} from "./telegram-outbound-job.js";
export { REASON_PROMPT, TELEGRAM_COMMANDS } from "./telegram-texts.js";
export { redisUpdateJournal, type UpdateJournal } from "./telegram-update-journal.js";
export { sameSecret, TELEGRAM_SECRET_HEADER, telegramWebhookRouter } from "./telegram-webhook-router.js";
