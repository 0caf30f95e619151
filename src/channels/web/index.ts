export { type AskLimiter, askRouter, RateLimitedError, toAskResponse } from "./ask-router.js";
export { type AskRequest, askRequestSchema } from "./ask-schema.js";
export { redisAskLimiter } from "./redis-ask-limiter.js";
export { WEB_CHAT_DIR, webChatRouter } from "./web-chat-router.js";
export { redisWebHistory, type WebHistory, type WebHistoryEntry } from "./web-history.js";
export { redisWebInbox, type WebInbox, type WebInboxMessage } from "./web-inbox.js";
export { historyQuerySchema, inboxQuerySchema, webInboxRouter } from "./web-inbox-router.js";
export { webKeys } from "./web-keys.js";
