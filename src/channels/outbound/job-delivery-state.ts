import type { Queue } from "bullmq";
import type { DeliveryState } from "../../escalation/index.js";

function fromJobState(state: string): DeliveryState | undefined {
  if (state === "completed") return "sent";
  if (state === "failed") return "failed";
  if (state === "unknown") return undefined;
  return "queued"; // waiting, delayed, active, prioritized, waiting-children
}

/**
 * The delivery state of a staff message queued as job `id`: "unsupported" without a queue (the
 * channel is not configured). Failed jobs are kept; a `recorded` job BullMQ no longer has was
 * completed and cleaned up.
 */
export async function jobDeliveryState(
  queue: Queue | undefined,
  id: string,
  recorded: boolean,
): Promise<DeliveryState> {
  if (!queue) return "unsupported";
  return fromJobState(await queue.getJobState(id)) ?? (recorded ? "sent" : "failed");
}
