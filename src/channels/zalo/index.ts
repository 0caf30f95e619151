export { type KeyedSequencer, keyedSequencer } from "./keyed-sequencer.js";
export { renderZaloReply, type ZaloQueryButton, type ZaloRendered } from "./render-zalo-reply.js";
export { startZalo, type ZaloChannel, type ZaloDeps, type ZaloStatus } from "./start-zalo.js";
export {
  verifyZaloSignature,
  ZALO_SIGNATURE_HEADER,
  type ZaloSignatureCheck,
  zaloMac,
} from "./verify-zalo-signature.js";
export {
  classifyZaloError,
  ZALO_TOKEN_ERRORS,
  ZALO_WINDOW_ERRORS,
  ZaloApiError,
  type ZaloErrorKind,
} from "./zalo-api-error.js";
export { type ZaloClient, type ZaloMessage, type ZaloSent, zaloClient } from "./zalo-client.js";
export { zaloDelivery } from "./zalo-delivery.js";
export { toZaloInboundJob, type ZaloInboundJob, zaloInboundJobSchema } from "./zalo-event.js";
export { zaloInboundProcessor } from "./zalo-inbound.js";
export { zaloKeys } from "./zalo-keys.js";
export { redisZaloLastInbound, type ZaloLastInbound } from "./zalo-last-inbound.js";
export { ZALO_MAX_TEXT, type ZaloOutboundJob, zaloOutboundJobSchema } from "./zalo-outbound-job.js";
export { redisZaloTokenStore, type ZaloTokenStore } from "./zalo-token-store.js";
export { ZALO_WEBHOOK_PATH, zaloUrlCheckOnly, zaloWebhook } from "./zalo-webhook.js";
