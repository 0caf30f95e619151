import type { Button, Reply } from "../../core/index.js";
import { splitMessage } from "../outbound/index.js";
import { encodeAction } from "./callback-data.js";
import { UNTICKED } from "./pick-keyboard.js";
import type { TelegramPiece } from "./telegram-outbound-job.js";

/** Telegram's limit on a message's text, counted after entity parsing. */
export const TELEGRAM_MAX_TEXT = 4096;
const MAX_BUTTON_LABEL = 60;

/** Escapes a dynamic string for Telegram's HTML parse mode. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Plain text → HTML pieces of at most 4096 visible characters; "Căn cứ:" is set in bold. */
export function htmlPieces(text: string): string[] {
  // Split the plain text first: the limit counts visible characters, and no tag is ever cut.
  return splitMessage(text, TELEGRAM_MAX_TEXT).map((piece) =>
    escapeHtml(piece).replace(/^Căn cứ:/gm, "<b>Căn cứ:</b>"),
  );
}

/** A `Reply` as Telegram messages: the text split on paragraphs, the buttons on the last one. */
export function renderTelegramReply(reply: Reply): TelegramPiece[] {
  const pieces: TelegramPiece[] = htmlPieces(reply.text).map((html) => ({ html }));
  const keyboard = inlineKeyboard(reply.buttons);
  const last = pieces.at(-1);
  if (last && keyboard.length)
    pieces[pieces.length - 1] = { ...last, replyMarkup: { inline_keyboard: keyboard } };
  return pieces;
}

type KeyboardButton = { text: string; callback_data: string };

/**
 * 👍 and 👎 share a row; every other button gets its own (labels are FAQ questions). A `pick` is a
 * box to tick (pick-keyboard.ts): pressing it only ticks it, "Xong" sends the ticked ones.
 */
export function inlineKeyboard(buttons: readonly Button[]): KeyboardButton[][] {
  const rows: KeyboardButton[][] = [];
  let feedbackRow: KeyboardButton[] | undefined;
  for (const button of buttons) {
    const data = encodeAction(button.action);
    if (!data) continue;
    const label = button.action.type === "pick" ? `${UNTICKED}${button.label}` : button.label;
    const key = { text: shorten(label), callback_data: data };
    if (button.action.type === "feedback") {
      if (!feedbackRow) {
        feedbackRow = [];
        rows.push(feedbackRow);
      }
      feedbackRow.push(key);
    } else rows.push([key]);
  }
  return rows;
}

function shorten(label: string): string {
  const chars = [...label];
  return chars.length <= MAX_BUTTON_LABEL ? label : `${chars.slice(0, MAX_BUTTON_LABEL - 1).join("")}…`;
}
