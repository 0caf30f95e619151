import type { Reply } from "../../core/index.js";
import { splitMessage } from "../outbound/index.js";
import { ZALO_MAX_TEXT } from "./zalo-outbound-job.js";
import { texts } from "./zalo-texts.js";

/**
 * A `Reply` as plain Zalo texts. Choices are already numbered in the engine's text (the citizen
 * types 1, 2 or 3); a "person" button becomes a line saying what to type.
 */
export function renderZaloReply(reply: Reply): string[] {
  const offersPerson =
    reply.kind !== "escalate" &&
    reply.kind !== "emergency" &&
    reply.buttons.some((b) => b.action.type === "escalate");
  const text = offersPerson ? `${reply.text}\n\n${texts.personHint}` : reply.text;
  return splitMessage(text, ZALO_MAX_TEXT);
}
