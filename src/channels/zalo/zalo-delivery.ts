import type { Redis } from "ioredis";
import type { SentMarkers } from "../outbound/index.js";
import { ZaloApiError } from "./zalo-api-error.js";
import type { ZaloClient } from "./zalo-client.js";
import { zaloKeys } from "./zalo-keys.js";
import type { ZaloLastInbound } from "./zalo-last-inbound.js";
import type { ZaloOutboundJob } from "./zalo-outbound-job.js";

const OUTSIDE_WINDOW_KEEP = 10_000;

/**
 * Sends the pieces of one outbound Zalo job in order, each at most once (markers, which keep Zalo's
 * message id and quota). A reply that would leave after the reply window, or that Zalo refuses as
 * outside it (-230/-232), is not sent or retried: it is recorded for staff to follow up.
 */
export function zaloDelivery(deps: {
  client: ZaloClient;
  markers: SentMarkers;
  redis: Redis;
  prefix: string;
  replyWindowMs: number;
  /** Told when Zalo says the window closed, so staff pages stop offering the chat. */
  lastInbound?: Pick<ZaloLastInbound, "markClosed">;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;

  async function recordOutsideWindow(job: ZaloOutboundJob, from: number, reason: string): Promise<void> {
    const recorded = `${job.key}-outside-window`;
    if (await deps.markers.has(recorded)) return;
    const entry = {
      key: job.key,
      userId: job.userId,
      pieces: job.pieces.slice(from),
      interactedAt: new Date(job.interactedAt).toISOString(),
      recordedAt: new Date(now()).toISOString(),
      reason,
    };
    await deps.redis
      .multi()
      .lpush(zaloKeys(deps.prefix).outsideWindow, JSON.stringify(entry))
      .ltrim(zaloKeys(deps.prefix).outsideWindow, 0, OUTSIDE_WINDOW_KEEP - 1)
      .exec();
    await deps.markers.mark(recorded, reason);
  }

  return async (job: ZaloOutboundJob): Promise<void> => {
    for (const [i, text] of job.pieces.entries()) {
      const marker = `${job.key}-${i}`;
      if (await deps.markers.has(marker)) continue;
      if (now() - job.interactedAt > deps.replyWindowMs) {
        await recordOutsideWindow(job, i, "outside-reply-window");
        return;
      }
      const last = i === job.pieces.length - 1;
      const message = last && job.attachment ? { text, attachment: job.attachment } : { text };
      let sent: Awaited<ReturnType<ZaloClient["send"]>>;
      try {
        sent = await deps.client.send(job.userId, message);
      } catch (error) {
        if (!(error instanceof ZaloApiError)) throw error;
        if (error.kind === "outside-window") {
          await deps.lastInbound?.markClosed(job.userId, now());
          await recordOutsideWindow(job, i, `zalo-${error.zaloCode}`);
          return;
        }
        // Buttons refused as invalid parameters: the same text without them (the choices are
        // numbered in it, so the citizen can still type a number).
        if (error.zaloCode === -201 && "attachment" in message) {
          sent = await deps.client.send(job.userId, { text });
        } else throw error;
      }
      await deps.markers.mark(
        marker,
        JSON.stringify({ messageId: sent.messageId, quota: sent.quota, at: now() }),
      );
      if (sent.quota) await deps.redis.set(zaloKeys(deps.prefix).quota, JSON.stringify(sent.quota));
    }
  };
}
