import { sequentialize } from "@grammyjs/runner";
import type { Bot, Context } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Redis } from "ioredis";
import type { Action, Engine, Message } from "../../core/index.js";
import type { Logger } from "../../logging/index.js";
import { jobId } from "../outbound/index.js";
import { decodeAction } from "./callback-data.js";
import type { FeedbackReasons } from "./feedback-reasons.js";
import { tickedPicks, togglePick } from "./pick-keyboard.js";
import { escapeHtml, renderTelegramReply } from "./render-telegram-reply.js";
import { telegramKeys } from "./telegram-keys.js";
import type { TelegramOutboundJob, TelegramPiece } from "./telegram-outbound-job.js";
import { REASON_PROMPT, texts } from "./telegram-texts.js";

/** What the Telegram handlers need; the bot itself is built by the caller. */
export interface TelegramHandlerDeps {
  readonly engine: Engine;
  /** Durably queues a reply (outbound queue); the job id makes a repeat a no-op. */
  readonly enqueue: (id: string, job: TelegramOutboundJob) => Promise<void>;
  readonly redis: Redis;
  readonly prefix: string;
  readonly feedback: FeedbackReasons;
  readonly logger: Logger;
}

const DONE_TTL_SECONDS = 86_400;
const REASON_TTL_SECONDS = 3600;

/**
 * Installs the citizen-facing handlers: commands, text, buttons. Translation only: an update
 * becomes a core `Message`, the `Reply` becomes queued Telegram messages.
 */
export function installTelegramHandlers(bot: Bot, deps: TelegramHandlerDeps): void {
  const { redis, prefix, logger } = deps;
  const keys = telegramKeys(prefix);
  const doneKey = (updateId: number) => keys.done(bot.botInfo.id, updateId);
  const reasonKey = keys.reason;

  bot.catch((err) => {
    logger.warn({ err: err.error instanceof Error ? err.error.message : String(err.error) }, "update failed");
  });

  // Updates of one chat in order, chats in parallel (the runner handles many at once).
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
  // Citizens talk to the bot one to one; groups and channels are ignored.
  const chat = bot.chatType("private");

  // An update handled once already (a webhook retry, a replay after a crash) is skipped.
  chat.use(async (ctx, next) => {
    if (await redis.exists(doneKey(ctx.update.update_id))) return;
    await next();
    await redis.set(doneKey(ctx.update.update_id), "1", "EX", DONE_TTL_SECONDS);
  });

  async function send(ctx: Context, pieces: TelegramPiece[]): Promise<void> {
    const chatId = ctx.chat?.id;
    if (chatId === undefined || !pieces.length) return;
    const key = jobId("tg", bot.botInfo.id, ctx.update.update_id);
    await deps.enqueue(key, { key, chatId, pieces });
  }

  async function respond(
    ctx: Context,
    input: { text: string; action?: Action },
    extra: { before?: TelegramPiece[]; after?: TelegramPiece[] } = {},
  ): Promise<void> {
    const message: Message = {
      channel: "telegram",
      sessionId: `tg-${ctx.chat?.id}`,
      text: input.text,
      action: input.action,
    };
    const reply = await deps.engine.handle(message);
    await send(ctx, [...(extra.before ?? []), ...renderTelegramReply(reply), ...(extra.after ?? [])]);
  }

  chat.command("start", (ctx) => respond(ctx, { text: "xin chào" }));
  chat.command(["help", "chude"], (ctx) => respond(ctx, { text: "các chủ đề", action: { type: "help" } }));
  chat.command("gapcanbo", (ctx) => respond(ctx, { text: "gặp cán bộ", action: { type: "escalate" } }));
  chat.command("riengtu", (ctx) => respond(ctx, { text: "quyền riêng tư" }));

  chat.on("callback_query:data", async (ctx) => {
    const data = ctx.callbackQuery.data;
    const action = decodeAction(data);
    await ctx
      .answerCallbackQuery(action?.type === "feedback" ? { text: texts.feedbackToast } : {})
      .catch((err: Error) => logger.debug({ err: err.message }, "answerCallbackQuery failed"));
    if (!action) return;
    const source = ctx.callbackQuery.message;
    const label = buttonLabel(source?.reply_markup, data) ?? defaultLabel(action);
    const editMarkup = (reply_markup: InlineKeyboardMarkup) =>
      ctx
        .editMessageReplyMarkup({ reply_markup })
        .catch((err: Error) => logger.debug({ err: err.message }, "editMessageReplyMarkup failed"));
    // A box of a multiple choice: ticked in the keyboard itself; nothing is sent until "Xong".
    if (action.type === "pick" && source?.reply_markup)
      return editMarkup(togglePick(source.reply_markup, data));
    if (action.type === "send-picks" || action.type === "answer") {
      // An answer is given once: the question's buttons go away, so a stale one cannot answer a later question.
      const ticked = action.type === "send-picks" ? tickedPicks(source?.reply_markup) : [];
      if (source?.reply_markup) await editMarkup({ inline_keyboard: [] });
      if (action.type === "send-picks") {
        const text = ticked.length ? ticked.join(" ") : action.empty;
        return respond(ctx, { text: ticked.length ? text : label, action: { type: "answer", text } });
      }
    }
    if (action.type !== "feedback") return respond(ctx, { text: label, action });

    // One vote per answer: the 👍/👎 row goes away once pressed.
    if (source?.reply_markup) await editMarkup(withoutFeedback(source.reply_markup));
    if (action.value === "up") return respond(ctx, { text: label, action });
    await redis.set(reasonKey(ctx.chat.id), action.faqId, "EX", REASON_TTL_SECONDS);
    return respond(
      ctx,
      { text: label, action },
      {
        after: [
          {
            html: escapeHtml(REASON_PROMPT),
            replyMarkup: { force_reply: true, input_field_placeholder: texts.reasonPlaceholder },
          },
        ],
      },
    );
  });

  chat.on("message:text", async (ctx) => {
    const text = ctx.message.text;
    const repliedTo = ctx.message.reply_to_message;
    if (repliedTo?.from?.id === bot.botInfo.id && repliedTo.text?.startsWith(REASON_PROMPT.slice(0, 40))) {
      // A reason for a 👎: kept (scrubbed) for curators. The text still goes through the engine, so
      // danger signs are never missed; its reply is shown only when it says something useful.
      const faqId = (await redis.getdel(reasonKey(ctx.chat.id))) ?? undefined;
      await deps.feedback.record({ channel: "telegram", faqId, reason: text });
      const reply = await deps.engine.handle({ channel: "telegram", sessionId: `tg-${ctx.chat.id}`, text });
      const thanks: TelegramPiece = { html: escapeHtml(texts.reasonThanks) };
      const useful = !(reply.kind === "fallback" && reply.intent === "no-match");
      return send(ctx, useful ? [thanks, ...renderTelegramReply(reply)] : [thanks]);
    }
    return respond(ctx, { text });
  });

  // Photos, stickers, voice…: say politely that only text is understood.
  chat.on("message", (ctx) => send(ctx, [{ html: escapeHtml(texts.textOnly) }]));
}

function buttonLabel(markup: InlineKeyboardMarkup | undefined, data: string): string | undefined {
  for (const row of markup?.inline_keyboard ?? []) {
    for (const button of row)
      if ("callback_data" in button && button.callback_data === data) return button.text;
  }
  return undefined;
}

function defaultLabel(action: Action): string {
  switch (action.type) {
    case "choose":
      return "chọn câu hỏi";
    case "feedback":
      return action.value === "up" ? "hữu ích" : "chưa đúng ý";
    case "escalate":
      return "gặp cán bộ";
    case "help":
      return "các chủ đề";
    case "confirm-delete":
      return "xóa";
    case "keep-data":
      return "không xóa";
    case "topic":
      return "chủ đề";
    case "answer":
      return action.text;
    case "leave-thread":
      return "quay lại trợ lý";
    case "pick":
      return action.value;
    case "send-picks":
      return "xong";
  }
}

function withoutFeedback(markup: InlineKeyboardMarkup): InlineKeyboardMarkup {
  const rows = markup.inline_keyboard
    .map((row) => row.filter((b) => !("callback_data" in b && b.callback_data?.startsWith("f:"))))
    .filter((row) => row.length > 0);
  return { inline_keyboard: rows };
}
