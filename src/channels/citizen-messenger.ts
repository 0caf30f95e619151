import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { Clock } from "../core/index.js";
import type { CaseChannel, CitizenMessenger, DeliveryState } from "../escalation/index.js";
import { jobId, redisSentMarkers, splitMessage } from "./outbound/index.js";
import {
  escapeHtml,
  inlineKeyboard,
  TELEGRAM_MAX_TEXT,
  type TelegramChannel,
  type TelegramPiece,
} from "./telegram/index.js";
import { redisWebHistory, redisWebInbox } from "./web/index.js";
import { redisZaloLastInbound, ZALO_MAX_TEXT, type ZaloChannel } from "./zalo/index.js";

/** What the messenger needs; a platform left out answers "unsupported". */
export interface CitizenMessengerDeps {
  readonly telegram?: Pick<TelegramChannel, "outbound">;
  readonly zalo?: Pick<ZaloChannel, "outbound">;
  readonly redis: Redis;
  /** REDIS_PREFIX, as the channels use it. */
  readonly prefix: string;
  /** Zalo's customer-service reply window (ZALO_REPLY_WINDOW_HOURS in ms). */
  readonly replyWindowMs: number;
  readonly clock: Clock;
  /** How long a web chat's copy of the conversation lives (SESSION_TTL_SECONDS). */
  readonly webHistoryTtlSeconds?: number;
}

const TELEGRAM_CHAT = /^tg-(-?\d{1,20})$/;
const ZALO_USER = /^zl-(.{1,64})$/;
const WEB_SESSION = /^[A-Za-z0-9_-]{1,64}$/;
/** How long a send is remembered, so its state can be told after BullMQ dropped the finished job. */
const RECORD_TTL_SECONDS = 400 * 86_400;

type Recorded = { readonly channel: CaseChannel; readonly state?: DeliveryState };

/** The text as Telegram HTML pieces: split on paragraphs first, escaped after, each within the limit. */
function telegramPieces(text: string, max = TELEGRAM_MAX_TEXT): TelegramPiece[] {
  return splitMessage(text, max).flatMap((piece) => {
    const html = escapeHtml(piece);
    return html.length <= TELEGRAM_MAX_TEXT ? [{ html }] : telegramPieces(piece, Math.floor(max / 2));
  });
}

function fromJobState(state: string): DeliveryState | undefined {
  if (state === "completed") return "sent";
  if (state === "failed") return "failed";
  if (state === "unknown") return undefined;
  return "queued"; // waiting, delayed, active, prioritized, waiting-children
}

/**
 * Staff messages to citizens through the channel they wrote from. Telegram (`tg-<chatId>`) and
 * Zalo (`zl-<userId>`) go through the channels' outbound queues (job id from `key`, so a repeat
 * is a no-op); a Zalo user who last wrote longer ago than the reply window is not messaged
 * ("outside-window"). Web chat sessions get the text in their inbox, which the page polls.
 */
export function citizenMessenger(deps: CitizenMessengerDeps): CitizenMessenger {
  const { redis, prefix } = deps;
  const markers = redisSentMarkers(redis, prefix);
  const inbox = redisWebInbox(redis, prefix);
  const history = redisWebHistory(redis, prefix, { ttlSeconds: deps.webHistoryTtlSeconds ?? 1800 });
  const lastInbound = redisZaloLastInbound(redis, prefix);
  const recordKey = (key: string) => `${prefix}:citizen-msg:${key}`;
  const idOf = (key: string) => jobId("staff", key);

  async function recorded(key: string): Promise<Recorded | undefined> {
    const raw = await redis.get(recordKey(key));
    return raw ? (JSON.parse(raw) as Recorded) : undefined;
  }
  async function remember(key: string, value: Recorded): Promise<void> {
    await redis.set(recordKey(key), JSON.stringify(value), "EX", RECORD_TTL_SECONDS);
  }

  /** Open when the user wrote within the window and Zalo has not refused a message (-230/-232) since. */
  function zaloWindowOpen(userId: string): Promise<boolean> {
    return lastInbound.windowOpen(userId, deps.clock.now().getTime(), deps.replyWindowMs);
  }

  function queueOf(channel: CaseChannel): Queue | undefined {
    if (channel === "telegram") return deps.telegram?.outbound.queue;
    if (channel === "zalo") return deps.zalo?.outbound.queue;
    return undefined;
  }

  async function state(channel: CaseChannel, key: string): Promise<DeliveryState> {
    const known = await recorded(key);
    if (known?.state) return known.state;
    if (channel === "web") return (await inbox.has(key)) ? "sent" : "failed";
    const queue = queueOf(channel);
    if (!queue) return "unsupported";
    const id = idOf(key);
    const fromQueue = fromJobState(await queue.getJobState(id));
    // Zalo's worker itself keeps a reply back when the window closed while it waited in the queue.
    if (channel === "zalo" && fromQueue !== "queued" && (await markers.has(`${id}-outside-window`))) {
      return "outside-window";
    }
    // Failed jobs are kept; a recorded job BullMQ no longer has was completed and cleaned up.
    return fromQueue ?? (known ? "sent" : "failed");
  }

  return {
    async send({ channel, conversationId, text, key, buttons }) {
      if (await recorded(key)) return state(channel, key);
      const id = idOf(key);
      if (channel === "telegram") {
        const chat = TELEGRAM_CHAT.exec(conversationId);
        if (!deps.telegram || !chat) return "unsupported";
        const pieces = telegramPieces(text);
        const keyboard = inlineKeyboard(buttons ?? []);
        const last = pieces.at(-1);
        if (last && keyboard.length)
          pieces[pieces.length - 1] = { ...last, replyMarkup: { inline_keyboard: keyboard } };
        await deps.telegram.outbound.add(id, { key: id, chatId: Number(chat[1]), pieces });
        await remember(key, { channel });
        return "queued";
      }
      if (channel === "zalo") {
        const user = ZALO_USER.exec(conversationId);
        const userId = user?.[1];
        if (!deps.zalo || !userId) return "unsupported";
        const last = await lastInbound.get(userId);
        if (last === undefined || !(await zaloWindowOpen(userId))) {
          await remember(key, { channel, state: "outside-window" });
          return "outside-window";
        }
        await deps.zalo.outbound.add(id, {
          key: id,
          userId,
          pieces: splitMessage(text, ZALO_MAX_TEXT),
          interactedAt: last,
        });
        await remember(key, { channel });
        return "queued";
      }
      if (!WEB_SESSION.test(conversationId)) return "unsupported";
      const at = deps.clock.now();
      const inboxId = await inbox.append(conversationId, key, text, at, buttons);
      // The page's copy of the conversation: a reload shows the officer's message where it was.
      await history.append(conversationId, {
        role: "staff",
        text,
        at: at.toISOString(),
        inboxId,
        ...(buttons?.length ? { buttons } : {}),
      });
      await remember(key, { channel, state: "sent" });
      return "sent";
    },
    state,
    async forget(channel, conversationId) {
      if (channel === "web" && WEB_SESSION.test(conversationId)) {
        await inbox.clear(conversationId);
        await history.clear(conversationId);
      }
    },
    async canReach(channel, conversationId) {
      if (channel === "telegram") return deps.telegram !== undefined && TELEGRAM_CHAT.test(conversationId);
      if (channel === "web") return WEB_SESSION.test(conversationId);
      const userId = ZALO_USER.exec(conversationId)?.[1];
      return deps.zalo !== undefined && userId !== undefined && (await zaloWindowOpen(userId));
    },
  };
}
