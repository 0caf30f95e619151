import { defineChannel } from "../channel-definition.js";
import { jobDeliveryState, splitMessage } from "../outbound/index.js";
import { escapeHtml, inlineKeyboard, TELEGRAM_MAX_TEXT } from "./render-telegram-reply.js";
import { startTelegram, type TelegramChannel } from "./start-telegram.js";
import type { TelegramPiece } from "./telegram-outbound-job.js";
import { TELEGRAM_SECRET_HEADER } from "./telegram-webhook-router.js";

const TELEGRAM_CHAT = /^tg-(-?\d{1,20})$/;

/** The text as Telegram HTML pieces: split on paragraphs first, escaped after, each within the limit. */
function telegramPieces(text: string, max = TELEGRAM_MAX_TEXT): TelegramPiece[] {
  return splitMessage(text, max).flatMap((piece) => {
    const html = escapeHtml(piece);
    return html.length <= TELEGRAM_MAX_TEXT ? [{ html }] : telegramPieces(piece, Math.floor(max / 2));
  });
}

/**
 * Telegram, started when TELEGRAM_BOT_TOKEN is set: staff replies to `tg-<chatId>` go through the
 * outbound queue, buttons as an inline keyboard.
 */
export const telegramDefinition = defineChannel<"telegram", TelegramChannel>({
  id: "telegram",
  label: "Telegram",
  reportLabel: "Telegram",
  metricsLabel: "telegram",
  capabilities: { choices: "buttons", replyWindow: false, maxMessageLength: TELEGRAM_MAX_TEXT },
  secretHeaders: [TELEGRAM_SECRET_HEADER],
  runtime: {
    async start(deps) {
      const telegram = deps.config.channels.telegram;
      if (!telegram) return undefined;
      return startTelegram({ ...deps, telegram });
    },
    health(running) {
      const status = running.status();
      return { ok: status.state === "receiving" || status.state === "starting", ...status };
    },
    queues: (running) => [running.outbound.queue],
    close: (running) => running.close(),
  },
  desk: (_deps, running) => ({
    async send({ conversationId, text, id, buttons }) {
      const chat = TELEGRAM_CHAT.exec(conversationId);
      const telegram = running();
      if (!telegram || !chat) return "unsupported";
      const pieces = telegramPieces(text);
      const keyboard = inlineKeyboard(buttons ?? []);
      const last = pieces.at(-1);
      if (last && keyboard.length)
        pieces[pieces.length - 1] = { ...last, replyMarkup: { inline_keyboard: keyboard } };
      await telegram.outbound.add(id, { key: id, chatId: Number(chat[1]), pieces });
      return "queued";
    },
    state: (_key, id, recorded) => jobDeliveryState(running()?.outbound.queue, id, recorded),
    async canReach(conversationId) {
      return running() !== undefined && TELEGRAM_CHAT.test(conversationId);
    },
    async forget() {},
  }),
});
