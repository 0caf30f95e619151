import { spreadBase } from "../../redis/index.js";

/** The Redis keys of outbound delivery; each is used alone, so on a cluster they spread over the nodes. */
export function outboundKeys(prefix: string) {
  const base = spreadBase(prefix);
  return {
    /** The next free send slot of one chat (chat-pacer.ts). */
    pace: (chat: string) => `${base}:pace:${chat}`,
    /** A delivered piece of a job, so a retry never sends it twice (sent-markers.ts). */
    sent: (key: string) => `${base}:sent:${key}`,
    /** A staff message recorded for the citizen under its idempotency key (citizen-messenger.ts). */
    citizenMessage: (key: string) => `${base}:citizen-msg:${key}`,
  } as const;
}
