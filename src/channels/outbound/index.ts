export { batchPerTick } from "./batch-per-tick.js";
export { type ChatPacer, redisChatPacer } from "./chat-pacer.js";
export { jobDeliveryState } from "./job-delivery-state.js";
export { createJobQueue, type JobQueue, type JobQueueOptions, jobId } from "./job-queue.js";
export { outboundKeys } from "./outbound-keys.js";
export { redisSentMarkers, type SentMarkers } from "./sent-markers.js";
export { splitMessage } from "./split-message.js";
