import { defineChannel } from "../channel-definition.js";
import { jobDeliveryState, splitMessage } from "../outbound/index.js";
import { escapeHtml, inlineKeyboard, TELEGRAM_MAX_TEXT } from "./render-telegram-reply.js";
import type { TelegramPiece } from "./telegram-outbound-job.js";

const TELEGRAM_CHAT = /^tg-(-?\d{1,20})$/;

/** The text as Telegram HTML pieces: split on paragraphs first, escaped after, each within the limit. */
function telegramPieces(text: string, max = TELEGRAM_MAX_TEXT): TelegramPiece[] {
  return splitMessage(text, max).flatMap((piece) => {
    const html = escapeHtml(piece);
    return html.length <= TELEGRAM_MAX_TEXT ? [{ html }] : telegramPieces(piece, Math.floor(max / 2));
  });
}

/** Telegram: staff replies to `tg-<chatId>` go through the outbound queue, buttons as an inline keyboard. */
export const telegramDefinition = defineChannel({
  id: "telegram",
  label: "Telegram",
  reportLabel: "Telegram",
  metricsLabel: "telegram",
  capabilities: { choices: "buttons", replyWindow: false, maxMessageLength: TELEGRAM_MAX_TEXT },
  desk: (deps) => ({
    async send({ conversationId, text, id, buttons }) {
      const chat = TELEGRAM_CHAT.exec(conversationId);
      if (!deps.telegram || !chat) return "unsupported";
      const pieces = telegramPieces(text);
      const keyboard = inlineKeyboard(buttons ?? []);
      const last = pieces.at(-1);
      if (last && keyboard.length)
        pieces[pieces.length - 1] = { ...last, replyMarkup: { inline_keyboard: keyboard } };
      await deps.telegram.outbound.add(id, { key: id, chatId: Number(chat[1]), pieces });
      return "queued";
    },
    state: (_key, id, recorded) => jobDeliveryState(deps.telegram?.outbound.queue, id, recorded),
    async canReach(conversationId) {
      return deps.telegram !== undefined && TELEGRAM_CHAT.test(conversationId);
    },
    async forget() {},
  }),
});
