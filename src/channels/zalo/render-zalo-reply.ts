import type { Reply } from "../../core/index.js";
import { splitMessage } from "../outbound/index.js";
import { ZALO_MAX_TEXT } from "./zalo-outbound-job.js";
import { texts } from "./zalo-texts.js";

/** A Zalo `oa.query.show` button: pressing it sends `payload` back as the citizen's text message. */
export interface ZaloQueryButton {
  readonly title: string;
  readonly type: "oa.query.show";
  readonly payload: string;
}

/** A reply as Zalo messages: text pieces, and the buttons to send with the last one. */
export interface ZaloRendered {
  readonly pieces: string[];
  readonly attachment?: {
    readonly type: "template";
    readonly payload: { readonly buttons: ZaloQueryButton[] };
  };
}

/** Integrations cap a button title at 100 characters and a message at 5 buttons (sources below). */
const MAX_TITLE = 100;
const MAX_BUTTONS = 5;

/**
 * A `Reply` for Zalo. The text stays complete on its own: choices are numbered (the citizen can
 * type 1, 2 or 3) and a reply that offers a person says what to type. The choices and "person"
 * buttons are also sent as `oa.query.show` buttons, whose press comes back as a `user_send_text`
 * with the button's payload: the choice's number (what typing it does) or the question itself, and
 * "gặp cán bộ". Shape `message.attachment = {type: "template", payload: {buttons}}` as public
 * integrations send it (a Zalo OA Java bot's ZMsg, and a NestJS OA client that notes `template_type`
 * could only be settled against a real OA); if Zalo refuses it (-201) the delivery sends the text
 * alone. Quick replies (intake answers: "Đồng ý", "Gửi cho cán bộ"…) are buttons too when they all
 * fit, their payload the words the text tells the citizen to type; a longer list (the topics) and
 * the screening's boxes stay numbered text. Feedback and help buttons stay Telegram/web only.
 */
export function renderZaloReply(reply: Reply): ZaloRendered {
  const offersPerson =
    reply.kind !== "escalate" &&
    reply.kind !== "emergency" &&
    reply.buttons.some((b) => b.action.type === "escalate");
  const text = offersPerson ? `${reply.text}\n\n${texts.personHint}` : reply.text;
  const pieces = splitMessage(text, ZALO_MAX_TEXT);
  const numbered = reply.kind === "choices" || reply.intent === "long-story";
  const buttons: ZaloQueryButton[] = [];
  const answers = reply.buttons.filter((b) => b.action.type === "answer");
  for (const { label, action } of reply.buttons) {
    if (action.type === "answer" && answers.length <= MAX_BUTTONS)
      buttons.push({ title: clip(label), type: "oa.query.show", payload: clip(action.text) });
    else if (action.type === "choose") {
      const index = reply.suggestions.findIndex((s) => s.faqId === action.faqId);
      const payload = numbered && index >= 0 ? String(index + 1) : label;
      const title = numbered && index >= 0 ? `${index + 1}. ${label}` : label;
      buttons.push({ title: clip(title), type: "oa.query.show", payload: clip(payload) });
    } else if (action.type === "escalate" && reply.kind !== "emergency") {
      buttons.push({ title: clip(label), type: "oa.query.show", payload: texts.personPayload });
    }
  }
  if (!buttons.length) return { pieces };
  return { pieces, attachment: { type: "template", payload: { buttons: buttons.slice(0, MAX_BUTTONS) } } };
}

function clip(s: string): string {
  return s.length <= MAX_TITLE ? s : `${s.slice(0, MAX_TITLE - 1)}…`;
}
