import type { Redis } from "ioredis";
import { z } from "zod";
import { caseKeys } from "./case-keys.js";
import type { CaseLive, CaseLiveEvent } from "./case-service.js";

/** A live case event as it travels on Redis pub/sub. */
export const caseLiveEventSchema = z.object({
  caseId: z.string().max(32),
  type: z.string().max(32),
  status: z.enum(["open", "claimed", "answered", "closed"]),
  claimedBy: z.string().max(64).optional(),
});

/**
 * Live case events through Redis pub/sub, so every instance's staff pages hear of a change made
 * on any instance. `subscribe` takes its own connection (a subscribed Redis client does nothing else).
 */
export function redisCaseLive(redis: Redis, prefix: string): CaseLive {
  const channel = caseKeys(prefix).live;
  const listeners = new Set<(event: CaseLiveEvent) => void>();
  let subscriber: Redis | undefined;

  async function ensureSubscriber(): Promise<void> {
    if (subscriber) return;
    subscriber = redis.duplicate();
    subscriber.on("error", () => {
      // reconnects on its own; a missed event only delays a page's refresh
    });
    subscriber.on("message", (from: string, raw: string) => {
      if (from !== channel) return;
      let parsed: CaseLiveEvent;
      try {
        parsed = caseLiveEventSchema.parse(JSON.parse(raw));
      } catch {
        return;
      }
      for (const listener of listeners) listener(parsed);
    });
    await subscriber.subscribe(channel);
  }

  return {
    async publish(event) {
      await redis.publish(channel, JSON.stringify(event));
    },
    async subscribe(listener) {
      listeners.add(listener);
      await ensureSubscriber();
      return () => {
        listeners.delete(listener);
      };
    },
    async close() {
      listeners.clear();
      const s = subscriber;
      subscriber = undefined;
      if (s) await s.quit().catch(() => s.disconnect());
    },
  };
}
