import type { Engine, Message } from "../../core/index.js";
import { jobId } from "../outbound/index.js";
import { keyedSequencer } from "./keyed-sequencer.js";
import { renderZaloReply, type ZaloRendered } from "./render-zalo-reply.js";
import type { ZaloInboundJob } from "./zalo-event.js";
import type { ZaloOutboundJob } from "./zalo-outbound-job.js";
import { texts } from "./zalo-texts.js";

/**
 * Handles one queued Zalo event: text → the engine, `follow` → the greeting, other message types
 * → "text only". The reply is queued with the event's id, so a re-run never queues it twice.
 */
export function zaloInboundProcessor(deps: {
  engine: Engine;
  enqueue: (id: string, job: ZaloOutboundJob) => Promise<void>;
}) {
  // Messages of one citizen in order (as far as this instance sees them), citizens in parallel.
  const sequencer = keyedSequencer();
  return (event: ZaloInboundJob): Promise<void> =>
    sequencer.run(event.userId, async () => {
      let rendered: ZaloRendered;
      if (event.kind === "other") rendered = { pieces: [texts.textOnly] };
      else {
        const message: Message = {
          channel: "zalo",
          sessionId: `zl-${event.userId}`,
          text: event.kind === "follow" ? "xin chào" : (event.text ?? ""),
        };
        rendered = renderZaloReply(await deps.engine.handle(message));
      }
      const { pieces, attachment } = rendered;
      if (!pieces.length) return;
      const key = jobId("zl", event.eventId);
      await deps.enqueue(key, {
        key,
        userId: event.userId,
        pieces,
        interactedAt: event.timestampMs,
        ...(attachment ? { attachment } : {}),
      });
    });
}
