import { defineChannel } from "../channel-definition.js";
import { redisWebHistory } from "./web-history.js";
import { redisWebInbox } from "./web-inbox.js";

const WEB_SESSION = /^[A-Za-z0-9_-]{1,64}$/;

/** The web chat: staff replies go to the session's inbox, which the page polls, and to its history. */
export const webDefinition = defineChannel({
  id: "web",
  label: "Web",
  reportLabel: "Trang web (hỏi đáp trực tuyến)",
  metricsLabel: "web",
  capabilities: { choices: "buttons", replyWindow: false, maxMessageLength: 4000 },
  desk: (deps) => {
    const inbox = redisWebInbox(deps.redis, deps.prefix);
    const history = redisWebHistory(deps.redis, deps.prefix, {
      ttlSeconds: deps.config.engine.sessionTtlSeconds,
    });
    return {
      async send({ conversationId, text, key, buttons }) {
        if (!WEB_SESSION.test(conversationId)) return "unsupported";
        const at = deps.clock.now();
        const inboxId = await inbox.append(conversationId, key, text, at, buttons);
        // The page's copy of the conversation: a reload shows the officer's message where it was.
        await history.append(conversationId, {
          role: "staff",
          text,
          at: at.toISOString(),
          inboxId,
          ...(buttons?.length ? { buttons } : {}),
        });
        return "sent";
      },
      async state(key) {
        return (await inbox.has(key)) ? "sent" : "failed";
      },
      async canReach(conversationId) {
        return WEB_SESSION.test(conversationId);
      },
      async forget(conversationId) {
        if (!WEB_SESSION.test(conversationId)) return;
        await inbox.clear(conversationId);
        await history.clear(conversationId);
      },
    };
  },
});
