import { keyBase } from "../../redis/index.js";

/**
 * The Redis keys of the Zalo channel, in the `zalo` key space: the inbox stream and its event count
 * are written in one MULTI, a user's last-inbound and window-closed times are read in one MGET.
 */
export function zaloKeys(prefix: string) {
  const base = keyBase(prefix, "zalo");
  return {
    /** When the user last wrote to the OA (epoch ms). */
    lastInbound: (userId: string) => `${base}:zalo:last-in:${userId}`,
    /** When Zalo last refused a message to the user as outside the reply window. */
    windowClosed: (userId: string) => `${base}:zalo:window-closed:${userId}`,
    /** The webhook's durable inbox stream, and the count of events it holds (kept in the same MULTIs). */
    inbox: `${base}:zalo:inbox`,
    inboxEvents: `${base}:zalo:inbox:events`,
    /** The OA's access and refresh tokens. */
    tokens: `${base}:zalo:tokens`,
    /** Replies that fell outside the reply window, newest first, for staff. */
    outsideWindow: `${base}:zalo:outside-window`,
    /** The quota Zalo reported with its latest answer (JSON), for operators. */
    quota: `${base}:zalo:quota`,
  } as const;
}
