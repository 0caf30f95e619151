import type { Message } from "./reply.js";

/**
 * A quick-reply button is read exactly as the text it stands for: an `answer`'s text, a `pick`'s
 * value, or a `send-picks` pressed with nothing ticked (a channel that ticks boxes sends an `answer`).
 */
export function asTyped(message: Message): Message {
  const { action } = message;
  const text =
    action?.type === "answer"
      ? action.text
      : action?.type === "pick"
        ? action.value
        : action?.type === "send-picks"
          ? action.empty
          : undefined;
  if (text === undefined) return message;
  return { channel: message.channel, sessionId: message.sessionId, text };
}
