import { defineChannel } from "../channel-definition.js";
import { jobDeliveryState, redisSentMarkers, splitMessage } from "../outbound/index.js";
import { startZalo, type ZaloChannel } from "./start-zalo.js";
import { ZALO_SIGNATURE_HEADER } from "./verify-zalo-signature.js";
import { redisZaloLastInbound } from "./zalo-last-inbound.js";
import { ZALO_MAX_TEXT } from "./zalo-outbound-job.js";
import { ZALO_WEBHOOK_PATH, zaloUrlCheckOnly } from "./zalo-webhook.js";

const ZALO_USER = /^zl-(.{1,64})$/;

/**
 * Zalo OA, started when ZALO_APP_ID and ZALO_OA_SECRET_KEY are set: staff replies to `zl-<userId>` go through the outbound queue, and only within the
 * customer-service window; a user who last wrote longer ago is not messaged ("outside-window").
 */
export const zaloDefinition = defineChannel<"zalo", ZaloChannel>({
  id: "zalo",
  label: "Zalo",
  reportLabel: "Zalo OA",
  metricsLabel: "zalo",
  capabilities: { choices: "numbered", replyWindow: true, maxMessageLength: ZALO_MAX_TEXT },
  secretHeaders: [ZALO_SIGNATURE_HEADER],
  runtime: {
    async start(deps) {
      const zalo = deps.config.channels.zalo;
      if (zalo) {
        return startZalo({ ...deps, zalo });
      }
      // Zalo shows the OA secret key only once the webhook URL is saved, and checks the URL first.
      deps.fastRoutes.post(
        ZALO_WEBHOOK_PATH,
        zaloUrlCheckOnly({
          onUrlCheck: () =>
            deps.logger.info("Zalo checked the webhook URL before Zalo is configured: answered 200"),
        }),
      );
      return undefined;
    },
    health: (running) => ({ ...running.status() }),
    queues: (running) => [running.outbound.queue, running.inbound.queue, running.inbox],
    close: (running) => running.close(),
  },
  desk: (deps, running) => {
    const markers = redisSentMarkers(deps.redis, deps.prefix);
    const lastInbound = redisZaloLastInbound(deps.redis, deps.prefix);
    /** Open when the user wrote within the window and Zalo has not refused a message (-230/-232) since. */
    const windowOpen = async (userId: string) => {
      const zalo = deps.config.channels.zalo;
      if (!zalo) return false;
      return lastInbound.windowOpen(userId, deps.clock.now().getTime(), zalo.replyWindowHours * 3_600_000);
    };
    return {
      async send({ conversationId, text, id }) {
        const userId = ZALO_USER.exec(conversationId)?.[1];
        const zalo = running();
        if (!zalo || !userId) return "unsupported";
        const last = await lastInbound.get(userId);
        if (last === undefined || !(await windowOpen(userId))) return "outside-window";
        await zalo.outbound.add(id, {
          key: id,
          userId,
          pieces: splitMessage(text, ZALO_MAX_TEXT),
          interactedAt: last,
        });
        return "queued";
      },
      async state(_key, id, recorded) {
        const state = await jobDeliveryState(running()?.outbound.queue, id, recorded);
        // Zalo's worker itself keeps a reply back when the window closed while it waited in the queue.
        if (state !== "queued" && state !== "unsupported" && (await markers.has(`${id}-outside-window`))) {
          return "outside-window";
        }
        return state;
      },
      async canReach(conversationId) {
        const userId = ZALO_USER.exec(conversationId)?.[1];
        return running() !== undefined && userId !== undefined && (await windowOpen(userId));
      },
      async forget() {},
    };
  },
});
