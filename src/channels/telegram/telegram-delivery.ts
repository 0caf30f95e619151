import { UnrecoverableError } from "bullmq";
import { type Api, GrammyError } from "grammy";
import type { ChatPacer, SentMarkers } from "../outbound/index.js";
import type { TelegramOutboundJob } from "./telegram-outbound-job.js";

/**
 * Sends the pieces of one outbound job in order. A piece already delivered (marker set) is skipped,
 * so a retried job never repeats one; 429 and 5xx are retried by auto-retry inside `api`, other
 * Bot API refusals (blocked by the user, chat not found) are final.
 */
export function telegramDelivery(deps: { api: Api; markers: SentMarkers; pacer: ChatPacer }) {
  return async (job: TelegramOutboundJob): Promise<void> => {
    for (const [i, piece] of job.pieces.entries()) {
      const marker = `${job.key}-${i}`;
      if (await deps.markers.has(marker)) continue;
      await deps.pacer.wait(`tg-${job.chatId}`);
      try {
        await deps.api.sendMessage(job.chatId, piece.html, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          reply_markup: piece.replyMarkup,
        });
      } catch (error) {
        if (error instanceof GrammyError && error.error_code < 500 && error.error_code !== 429) {
          throw new UnrecoverableError(
            `Telegram refused the message: ${error.error_code} ${error.description}`,
          );
        }
        throw error;
      }
      await deps.markers.mark(marker);
    }
  };
}
