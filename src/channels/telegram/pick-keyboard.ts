import type { InlineKeyboardMarkup } from "grammy/types";

/** Shown before a box's label: the tick is kept in the keyboard itself, so no state is stored. */
export const UNTICKED = "⬜ ";
export const TICKED = "✅ ";
const BOX = /^p:(\d{1,2})(:1)?$/;

/** The keyboard with the box behind `data` ticked or unticked (label and callback data). */
export function togglePick(markup: InlineKeyboardMarkup, data: string): InlineKeyboardMarkup {
  const value = BOX.exec(data)?.[1];
  return {
    inline_keyboard: markup.inline_keyboard.map((row) =>
      row.map((button) => {
        if (!("callback_data" in button) || !button.callback_data) return button;
        const box = BOX.exec(button.callback_data);
        if (!box || box[1] !== value) return button;
        const ticked = !box[2];
        const label = button.text.replace(/^(?:⬜|✅) /u, "");
        return {
          text: `${ticked ? TICKED : UNTICKED}${label}`,
          callback_data: `p:${value}${ticked ? ":1" : ""}`,
        };
      }),
    ),
  };
}

/** The values of the ticked boxes, in keyboard order. */
export function tickedPicks(markup: InlineKeyboardMarkup | undefined): string[] {
  const values: string[] = [];
  for (const row of markup?.inline_keyboard ?? [])
    for (const button of row) {
      const box = "callback_data" in button && button.callback_data ? BOX.exec(button.callback_data) : null;
      if (box?.[1] && box[2]) values.push(box[1]);
    }
  return values;
}
