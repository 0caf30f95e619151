import { spreadBase } from "../../redis/index.js";

/** The Redis keys of the Telegram channel; each is used alone, so on a cluster they spread over the nodes. */
export function telegramKeys(prefix: string) {
  const base = spreadBase(prefix);
  return {
    /** An update this bot handled (so a redelivery is ignored). */
    done: (botId: number, updateId: number) => `${base}:tg:done:${botId}:${updateId}`,
    /** The FAQ a chat was asked to give a 👎 reason for. */
    reason: (chatId: number) => `${base}:tg:reason:${chatId}`,
    /** Updates received and not yet handled, by update id. */
    journal: `${base}:tg:journal`,
  } as const;
}
