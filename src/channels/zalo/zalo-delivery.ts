import type { Redis } from "ioredis";
import type { SentMarkers } from "../outbound/index.js";
import type { ZaloClient } from "./zalo-client.js";
import type { ZaloOutboundJob } from "./zalo-outbound-job.js";

/** The Redis list of replies that fell outside Zalo's reply window, newest first, for staff. */
export function zaloOutsideWindowKey(prefix: string): string {
  return `${prefix}:zalo:outside-window`;
}

const OUTSIDE_WINDOW_KEEP = 10_000;

/**
 * Sends the pieces of one outbound Zalo job in order, each at most once (markers). A reply that
 * would leave after the reply window is not sent: it is recorded for staff to follow up.
 */
export function zaloDelivery(deps: {
  client: ZaloClient;
  markers: SentMarkers;
  redis: Redis;
  prefix: string;
  replyWindowMs: number;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  return async (job: ZaloOutboundJob): Promise<void> => {
    for (const [i, text] of job.pieces.entries()) {
      const marker = `${job.key}-${i}`;
      if (await deps.markers.has(marker)) continue;
      if (now() - job.interactedAt > deps.replyWindowMs) {
        const recorded = `${job.key}-outside-window`;
        if (await deps.markers.has(recorded)) return;
        const entry = {
          key: job.key,
          userId: job.userId,
          pieces: job.pieces.slice(i),
          interactedAt: new Date(job.interactedAt).toISOString(),
          recordedAt: new Date(now()).toISOString(),
          reason: "outside-reply-window",
        };
        await deps.redis
          .multi()
          .lpush(zaloOutsideWindowKey(deps.prefix), JSON.stringify(entry))
          .ltrim(zaloOutsideWindowKey(deps.prefix), 0, OUTSIDE_WINDOW_KEEP - 1)
          .exec();
        await deps.markers.mark(recorded);
        return;
      }
      await deps.client.sendText(job.userId, text);
      await deps.markers.mark(marker);
    }
  };
}
