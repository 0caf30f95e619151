import type { Action } from "../../core/index.js";

/** Telegram's limit on `callback_data`. */
export const MAX_CALLBACK_DATA_BYTES = 64;
const FAQ_ID = /^[a-z0-9-]{1,60}$/;

/** A quick reply's text: short words, numbers and spaces only (what an intake or rating button says). */
const ANSWER_TEXT = /^[\p{L}\p{N} ]{1,40}$/u;
/** A box of a multiple choice: its number. */
const PICK_VALUE = /^\d{1,2}$/;
/** `p:<n>` a box, `p:<n>:1` the same box ticked (the tick lives in the keyboard, see pick-keyboard.ts). */
const PICK = /^p:(\d{1,2})(?::1)?$/;

function encode(action: Action): string {
  switch (action.type) {
    case "choose":
      return `c:${action.faqId}`;
    case "feedback":
      return `f:${action.value === "up" ? "u" : "d"}:${action.faqId}`;
    case "escalate":
      return "e";
    case "help":
      return "h";
    case "answer":
      return `a:${action.text}`;
    case "leave-thread":
      return "l";
    case "confirm-delete":
      return "xd";
    case "keep-data":
      return "xk";
    case "topic":
      return `t:${action.topic}`;
    case "pick":
      return `p:${action.value}`;
    case "send-picks":
      return `s:${action.empty}`;
  }
}

/**
 * An engine action as compact callback data: `c:<faqId>` choose, `f:u:<faqId>` / `f:d:<faqId>`
 * feedback, `e` escalate, `h` help, `t:<topicId>` a topic, `a:<text>` a quick reply, `l` leave the case thread, `xd` / `xk`
 * confirm or refuse a deletion, `p:<n>` a box to tick, `s:<empty>` send the ticked boxes.
 * Undefined when it would not fit in 64 bytes.
 */
export function encodeAction(action: Action): string | undefined {
  if (action.type === "answer" && !ANSWER_TEXT.test(action.text)) return undefined;
  if (action.type === "pick" && !PICK_VALUE.test(action.value)) return undefined;
  if (action.type === "send-picks" && !ANSWER_TEXT.test(action.empty)) return undefined;
  const data = encode(action);
  return Buffer.byteLength(data) <= MAX_CALLBACK_DATA_BYTES ? data : undefined;
}

/** The action behind callback data, or undefined for anything we did not send. */
export function decodeAction(data: string): Action | undefined {
  if (data === "e") return { type: "escalate" };
  if (data === "h") return { type: "help" };
  if (data === "xd") return { type: "confirm-delete" };
  if (data === "xk") return { type: "keep-data" };
  const topic = /^t:(.+)$/.exec(data);
  if (topic?.[1] && FAQ_ID.test(topic[1])) return { type: "topic", topic: topic[1] };
  if (data === "l") return { type: "leave-thread" };
  const pick = PICK.exec(data);
  if (pick?.[1]) return { type: "pick", value: pick[1] };
  const sendPicks = /^s:(.+)$/u.exec(data);
  if (sendPicks?.[1] && ANSWER_TEXT.test(sendPicks[1])) return { type: "send-picks", empty: sendPicks[1] };
  const answer = /^a:(.+)$/u.exec(data);
  if (answer?.[1] && ANSWER_TEXT.test(answer[1])) return { type: "answer", text: answer[1] };
  const choose = /^c:(.+)$/.exec(data);
  if (choose?.[1] && FAQ_ID.test(choose[1])) return { type: "choose", faqId: choose[1] };
  const feedback = /^f:([ud]):(.+)$/.exec(data);
  if (feedback?.[2] && FAQ_ID.test(feedback[2])) {
    return { type: "feedback", faqId: feedback[2], value: feedback[1] === "u" ? "up" : "down" };
  }
  return undefined;
}
