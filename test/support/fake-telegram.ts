import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { waitUntil } from "./wait-until.js";

// biome-ignore lint/suspicious/noExplicitAny: JSON as it comes off the wire
type Json = any;

/** A Bot API error as Telegram sends it. */
export interface FakeTelegramError {
  readonly error_code: number;
  readonly description: string;
  readonly parameters?: { readonly retry_after?: number };
}

/** A message the bot sent through sendMessage, as the fake accepted it. */
export interface SentMessage {
  readonly message_id: number;
  readonly chatId: number;
  /** The text as sent (HTML source when parse_mode is HTML). */
  readonly html: string;
  /** The text the citizen sees (tags removed, entities decoded), as Telegram returns it. */
  readonly text: string;
  replyMarkup?: Json;
  /** The Message object Telegram returned. */
  readonly message: Json;
}

export interface FakeTelegram {
  readonly apiRoot: string;
  readonly token: string;
  readonly bot: { id: number; is_bot: true; first_name: string; username: string };
  /** Every call received, in order: method and JSON payload. */
  readonly calls: { method: string; payload: Json }[];
  readonly sent: SentMessage[];
  /** Queues a user update; returns its update_id. */
  pushUpdate(update: Record<string, unknown>): number;
  /** A private text message from `chatId` (commands get their bot_command entity). */
  sendText(chatId: number, text: string, options?: { replyTo?: SentMessage }): number;
  /** A non-text message (a photo). */
  sendPhoto(chatId: number): number;
  /** The citizen presses an inline button of a message the bot sent. */
  pressButton(sent: SentMessage, callbackData: string): number;
  /**
   * While on, calls of `method` are held open and have no effect (a network cut); turning it off
   * cuts the held connections.
   */
  hang(method: string, on: boolean): void;
  /** The next `times` calls of `method` fail with `error` (HTTP status = error_code). */
  failNext(method: string, error: FakeTelegramError, times?: number): void;
  /** The token is revoked (@BotFather /revoke): every call answers 401 Unauthorized until restored. */
  revokeToken(revoked: boolean): void;
  /** The update as a JSON body, for posting to a webhook as Telegram would. */
  takeUpdate(update_id: number): Record<string, unknown>;
  sentTo(chatId: number): SentMessage[];
  waitForSent(chatId: number, count: number, timeoutMs?: number): Promise<SentMessage[]>;
  waitForCall(method: string, timeoutMs?: number): Promise<{ method: string; payload: Json }>;
  close(): Promise<void>;
}

/**
 * 409 as Telegram sends it to a getUpdates that another getUpdates (a second poller with the same
 * token) cut short; the text is Telegram's, as bots quote it in their logs (e.g. Eomm/fastify-telegram#3).
 */
export const CONFLICT: FakeTelegramError = {
  error_code: 409,
  description:
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
};

/** 429 as Telegram sends it. */
export const TOO_MANY_REQUESTS: FakeTelegramError = {
  error_code: 429,
  description: "Too Many Requests: retry after 1",
  parameters: { retry_after: 1 },
};

const ALLOWED_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "tg-emoji",
  "code",
  "pre",
  "blockquote",
]);
const ENTITY = /^&(?:lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});/;

/**
 * Parses Telegram's HTML parse mode as strictly as Telegram does: only its tags, balanced, and
 * every other `<`, `>` and `&` escaped. Returns the visible text, or the Bad Request description.
 */
export function parseTelegramHtml(html: string): { text: string } | { error: string } {
  let text = "";
  const stack: string[] = [];
  for (let i = 0; i < html.length; ) {
    const c = html[i] as string;
    if (c === "<") {
      const m = /^<(\/?)([a-z-]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*>/.exec(html.slice(i));
      if (!m?.[2] || !ALLOWED_TAGS.has(m[2])) {
        return {
          error: `Bad Request: can't parse entities: Unsupported start tag "${html.slice(i + 1, i + 10)}" at byte offset ${Buffer.byteLength(html.slice(0, i))}`,
        };
      }
      if (m[1]) {
        if (stack.pop() !== m[2])
          return {
            error: `Bad Request: can't parse entities: Unmatched end tag at byte offset ${i}, expected "</${stack.at(-1) ?? ""}>", found "</${m[2]}>"`,
          };
      } else stack.push(m[2]);
      i += m[0].length;
    } else if (c === "&") {
      const m = ENTITY.exec(html.slice(i));
      if (!m) return { error: `Bad Request: can't parse entities: Unknown entity at byte offset ${i}` };
      const e = m[0];
      text +=
        e === "&lt;"
          ? "<"
          : e === "&gt;"
            ? ">"
            : e === "&amp;"
              ? "&"
              : e === "&quot;"
                ? '"'
                : String.fromCodePoint(Number(e.startsWith("&#x") ? `0x${e.slice(3, -1)}` : e.slice(2, -1)));
      i += e.length;
    } else if (c === ">") {
      return { error: `Bad Request: can't parse entities: Unexpected end tag at byte offset ${i}` };
    } else {
      text += c;
      i += 1;
    }
  }
  if (stack.length)
    return {
      error: `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${stack.at(-1)}"`,
    };
  return { text };
}

/** A local HTTP stand-in for the Telegram Bot API (`/bot<token>/<method>`), with real JSON shapes. */
export async function startFakeTelegram(options: { token?: string } = {}): Promise<FakeTelegram> {
  const token = options.token ?? "123456789:TEST-fake-token_abcdefghijklmnopqrs";
  const bot = {
    id: Number(token.split(":")[0]),
    is_bot: true as const,
    first_name: "Trợ lý pháp luật",
    username: "tro_ly_test_bot",
  };
  const calls: { method: string; payload: Json }[] = [];
  const sent: SentMessage[] = [];
  const updates: { update_id: number }[] = [];
  const failures = new Map<string, { error: FakeTelegramError; times: number }>();
  const openQueries = new Set<string>();
  const hanging = new Set<string>();
  const held: ServerResponse[] = [];
  const listeners = new Set<() => void>();
  let nextUpdateId = 1000;
  let nextMessageId = 1;
  let nextQueryId = 1;
  let webhook: string | undefined;
  let poll: { res: ServerResponse; finish: (result: unknown[]) => void; conflict: () => void } | undefined;
  let revoked = false;

  const notify = () => {
    for (const l of [...listeners]) l();
  };

  const ok = (res: ServerResponse, result: unknown) => {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result }));
  };
  const fail = (res: ServerResponse, error: FakeTelegramError) => {
    res
      .writeHead(error.error_code, { "content-type": "application/json" })
      .end(JSON.stringify({ ok: false, ...error }));
  };
  const badRequest = (res: ServerResponse, description: string) =>
    fail(res, { error_code: 400, description });

  function checkMarkup(markup: Json): string | undefined {
    for (const row of markup?.inline_keyboard ?? []) {
      for (const button of row) {
        if (typeof button.text !== "string" || !button.text)
          return "Bad Request: text buttons are unallowed in the inline keyboard";
        if (button.callback_data !== undefined && Buffer.byteLength(String(button.callback_data)) > 64) {
          return "Bad Request: BUTTON_DATA_INVALID";
        }
      }
    }
    return undefined;
  }

  function handle(method: string, payload: Json, res: ServerResponse) {
    calls.push({ method, payload });
    notify();
    if (hanging.has(method)) {
      held.push(res);
      return;
    }
    const failure = failures.get(method);
    if (failure && failure.times > 0) {
      failure.times -= 1;
      return fail(res, failure.error);
    }
    switch (method) {
      case "getMe":
        return ok(res, {
          ...bot,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        });
      case "setMyCommands": {
        const commands = payload.commands;
        if (
          !Array.isArray(commands) ||
          commands.some(
            (c: Json) => !/^[a-z0-9_]{1,32}$/.test(c.command) || !c.description || c.description.length > 256,
          )
        ) {
          return badRequest(res, "Bad Request: BOT_COMMAND_INVALID");
        }
        return ok(res, true);
      }
      case "deleteWebhook":
        webhook = undefined;
        return ok(res, true);
      case "setWebhook":
        if (typeof payload.url !== "string")
          return badRequest(res, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
        webhook = payload.url;
        return ok(res, true);
      case "getUpdates": {
        if (webhook)
          return fail(res, {
            error_code: 409,
            description:
              "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
          });
        const offset = Number(payload.offset ?? 0);
        const limit = Math.min(100, Math.max(1, Number(payload.limit ?? 100)));
        // Asking past an update confirms it: Telegram forgets it.
        while (updates.length && (updates[0]?.update_id ?? 0) < offset) updates.shift();
        const ready = () => updates.filter((u) => u.update_id >= offset).slice(0, limit);
        // A newer long poll ends the older one, which gets 409 as Telegram answers a second poller.
        if (poll) poll.conflict();
        const now = ready();
        const timeout = Number(payload.timeout ?? 0);
        if (now.length || timeout <= 0) return ok(res, now);
        let done = false;
        const timer = setTimeout(() => finish([]), timeout * 1000);
        const onUpdate = () => {
          const r = ready();
          if (r.length) finish(r);
        };
        const finish = (result: unknown[], error?: FakeTelegramError) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          listeners.delete(onUpdate);
          if (poll?.res === res) poll = undefined;
          if (res.writableEnded || res.destroyed) return;
          if (error) fail(res, error);
          else ok(res, result);
        };
        listeners.add(onUpdate);
        res.on("close", () => finish([]));
        const conflict = () => finish([], CONFLICT);
        poll = { res, finish, conflict };
        return;
      }
      case "sendMessage": {
        const chatId = Number(payload.chat_id);
        if (!Number.isInteger(chatId) || chatId === 0) return badRequest(res, "Bad Request: chat not found");
        if (typeof payload.text !== "string" || !payload.text.trim())
          return badRequest(res, "Bad Request: message text is empty");
        const parsed =
          payload.parse_mode === "HTML" ? parseTelegramHtml(payload.text) : { text: payload.text };
        if ("error" in parsed) return badRequest(res, parsed.error);
        if (parsed.text.length > 4096) return badRequest(res, "Bad Request: message is too long");
        const markupError = checkMarkup(payload.reply_markup);
        if (markupError) return badRequest(res, markupError);
        const message = {
          message_id: nextMessageId++,
          from: bot,
          chat: { id: chatId, first_name: "Dân", type: "private" },
          date: Math.floor(Date.now() / 1000),
          text: parsed.text,
          ...(payload.reply_markup?.inline_keyboard ? { reply_markup: payload.reply_markup } : {}),
        };
        sent.push({
          message_id: message.message_id,
          chatId,
          html: payload.text,
          text: parsed.text,
          replyMarkup: payload.reply_markup,
          message,
        });
        notify();
        return ok(res, message);
      }
      case "answerCallbackQuery": {
        if (!openQueries.delete(String(payload.callback_query_id))) {
          return badRequest(
            res,
            "Bad Request: query is too old and response timeout expired or query ID is invalid",
          );
        }
        return ok(res, true);
      }
      case "editMessageReplyMarkup": {
        const target = sent.find(
          (m) => m.chatId === Number(payload.chat_id) && m.message_id === Number(payload.message_id),
        );
        if (!target) return badRequest(res, "Bad Request: message to edit not found");
        if (JSON.stringify(target.replyMarkup ?? {}) === JSON.stringify(payload.reply_markup ?? {})) {
          return badRequest(
            res,
            "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
          );
        }
        target.replyMarkup = payload.reply_markup;
        return ok(res, { ...target.message, reply_markup: payload.reply_markup });
      }
      default:
        return fail(res, { error_code: 404, description: "Not Found" });
    }
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(new URL(req.url ?? "/", "http://fake").pathname);
      if (!m) return fail(res, { error_code: 404, description: "Not Found" });
      if (m[1] !== token || revoked) return fail(res, { error_code: 401, description: "Unauthorized" });
      let payload: Json = {};
      const body = Buffer.concat(chunks).toString("utf8");
      if (body) {
        try {
          payload = JSON.parse(body);
        } catch {
          payload = Object.fromEntries(new URLSearchParams(body));
        }
      }
      handle(m[2] as string, payload, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const user = (chatId: number) => ({ id: chatId, is_bot: false, first_name: "Dân", language_code: "vi" });
  const chat = (chatId: number) => ({ id: chatId, first_name: "Dân", type: "private" });
  const kept = new Map<number, Record<string, unknown>>();

  function pushUpdate(update: Record<string, unknown>): number {
    const update_id = nextUpdateId++;
    const full = { update_id, ...update };
    updates.push(full);
    kept.set(update_id, full);
    notify();
    return update_id;
  }

  return {
    apiRoot,
    token,
    bot,
    calls,
    sent,
    pushUpdate,
    sendText(chatId, text, opts = {}) {
      const command = /^\/[a-z0-9_]+/.exec(text);
      return pushUpdate({
        message: {
          message_id: nextMessageId++,
          from: user(chatId),
          chat: chat(chatId),
          date: Math.floor(Date.now() / 1000),
          text,
          ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
          ...(opts.replyTo ? { reply_to_message: opts.replyTo.message } : {}),
        },
      });
    },
    sendPhoto(chatId) {
      return pushUpdate({
        message: {
          message_id: nextMessageId++,
          from: user(chatId),
          chat: chat(chatId),
          date: Math.floor(Date.now() / 1000),
          photo: [{ file_id: "AgAD", file_unique_id: "AQAD", width: 90, height: 90, file_size: 1000 }],
        },
      });
    },
    pressButton(message, callbackData) {
      const id = String(nextQueryId++);
      openQueries.add(id);
      return pushUpdate({
        callback_query: {
          id,
          from: user(message.chatId),
          chat_instance: "-100",
          message: { ...message.message, reply_markup: message.replyMarkup },
          data: callbackData,
        },
      });
    },
    hang(method, on) {
      if (on) hanging.add(method);
      else {
        hanging.delete(method);
        for (const res of held.splice(0)) res.destroy();
      }
    },
    failNext(method, error, times = 1) {
      failures.set(method, { error, times });
    },
    revokeToken(on) {
      revoked = on;
    },
    takeUpdate(update_id) {
      const update = kept.get(update_id);
      if (!update) throw new Error(`no update ${update_id}`);
      const index = updates.findIndex((u) => u.update_id === update_id);
      if (index >= 0) updates.splice(index, 1);
      return update;
    },
    sentTo: (chatId) => sent.filter((m) => m.chatId === chatId),
    waitForSent(chatId, count, timeoutMs = 15_000) {
      return waitUntil(
        listeners,
        () => {
          const mine = sent.filter((m) => m.chatId === chatId);
          return mine.length >= count ? mine : undefined;
        },
        timeoutMs,
        `fake Telegram: ${count} message(s) to chat ${chatId}`,
      );
    },
    waitForCall(method, timeoutMs = 15_000) {
      return waitUntil(
        listeners,
        () => calls.find((c) => c.method === method),
        timeoutMs,
        `fake Telegram: a ${method} call`,
      );
    },
    async close() {
      poll?.finish([]);
      for (const res of held.splice(0)) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
