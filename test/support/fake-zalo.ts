import { createHash, randomBytes } from "node:crypto";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { waitUntil } from "./wait-until.js";

// biome-ignore lint/suspicious/noExplicitAny: JSON as it comes off the wire
type Json = any;

/** A message the fake OA API accepted. */
export interface ZaloDelivered {
  readonly userId: string;
  readonly text: string;
  readonly accessToken: string;
  /** The `oa.query.show` buttons sent with the message, if any. */
  readonly buttons?: { title: string; type: string; payload: string }[];
  /** The request body exactly as received. */
  readonly body: unknown;
}

/** `ok` answers; `hang` holds message requests open and delivers nothing (a network cut). */
export type FakeZaloMode = "ok" | "hang";

/**
 * Error answers of the OA API, as integrations quote Zalo's error table (hoangnd25/monorepo
 * wip/zalo-platform-integration.md; chatwoot app/services/zalo_oa/message_sender.rb WINDOW_CODES).
 * Zalo sends them with HTTP 200 and a non-zero `error`.
 */
export const ZALO_ERRORS = {
  invalidToken: { error: -216, message: "Access token is invalid" },
  expiredToken: { error: -220, message: "access_token is expired or removed" },
  invalidParam: { error: -201, message: "user_id is invalid!" },
  notFollower: { error: -213, message: "User has not followed OA" },
  noRecentInteraction: { error: -230, message: "User has not interacted with OA in past 7 days" },
  interactionExpired: { error: -232, message: "User has not interacted, or last interaction expired" },
  restricted: { error: -244, message: "User has restricted this message type from your OA" },
  rateLimited: { error: -32, message: "Your application reached limit call api" },
} as const;
export type ZaloErrorAnswer = { readonly error: number; readonly message: string };

/** A refused refresh as Zalo OAuth answers it: `error_name`/`error_description`, often with HTTP 200. */
export interface ZaloOAuthError {
  readonly status?: number;
  readonly body: Record<string, unknown>;
}

export interface FakeZalo {
  /** Base URL for both ZALO_API_BASE and ZALO_OAUTH_BASE. */
  readonly url: string;
  readonly appId: string;
  readonly appSecret: string;
  readonly oaSecretKey: string;
  /** The pair the OA starts with (seed ZALO_ACCESS_TOKEN / ZALO_REFRESH_TOKEN with it). */
  readonly initial: { readonly accessToken: string; readonly refreshToken: string };
  /** The ZALO_* variables that point the app at this fake, seeded with the initial token pair. */
  env(): Record<string, string>;
  readonly delivered: ZaloDelivered[];
  /** Every refresh request, with the refresh token it used and whether it was accepted. */
  readonly refreshes: { refreshToken: string; accepted: boolean }[];
  /** Message requests received (delivered or not). */
  messageRequests: number;
  /** The current access token expires: the API answers -220 ("expired or removed"). */
  expireAccessToken(): void;
  /** The current access token is rejected as invalid: the API answers -216. */
  invalidateAccessToken(): void;
  /** The next `times` refresh requests are refused with `error` (the refresh token is not spent). */
  failRefreshNext(error: ZaloOAuthError, times?: number): void;
  /** The next `times` message requests (whose text matches, if given) get this error answer. */
  answerNextWith(answer: ZaloErrorAnswer, times?: number, match?: (text: string) => boolean): void;
  /** Leaving `hang` cuts the held requests, as a network failure would. */
  setMode(mode: FakeZaloMode): void;
  /** The next `times` message requests (whose text matches, if given) answer HTTP 500. */
  failNext(times?: number, match?: (text: string) => boolean): void;
  deliveredTo(userId: string): ZaloDelivered[];
  waitForDelivered(userId: string, count: number, timeoutMs?: number): Promise<ZaloDelivered[]>;
  waitForRequests(count: number, timeoutMs?: number): Promise<void>;
  /**
   * A webhook delivery as Zalo sends it: the raw body and its signature header. A re-delivery
   * (`numRetry` ≥ 1) carries the original body and timestamp and a `num_retry` header; Zalo re-sends
   * after 30 s, 5, 15, 30 min and 1 h, then disables the webhook (hoangnd25/monorepo
   * wip/zalo-platform-integration.md, "Webhook Retry Behavior").
   */
  sign(
    event: Record<string, unknown>,
    options?: { numRetry?: number },
  ): { body: string; headers: Record<string, string> };
  /**
   * The check Zalo makes when a webhook URL is saved: an unsigned `POST {}` that must get HTTP 200
   * (the same rule as documented for Zalo's partner portal, developers-zns.goby.vn
   * "Đăng ký nhận thông báo qua Webhook"). Returns the status the URL answered.
   */
  checkWebhookUrl(url: string): Promise<number>;
  close(): Promise<void>;
}

/** A `user_send_text` event as Zalo posts it to the webhook. */
export function zaloTextEvent(o: {
  appId: string;
  userId: string;
  text: string;
  msgId?: string;
  timestamp?: number;
}) {
  return {
    app_id: o.appId,
    user_id_by_app: `${o.userId}9`,
    event_name: "user_send_text",
    timestamp: String(o.timestamp ?? Date.now()),
    sender: { id: o.userId },
    recipient: { id: "579745863508352884" },
    message: { text: o.text, msg_id: o.msgId ?? randomBytes(10).toString("hex") },
  };
}

/** A `user_send_image` event. */
export function zaloImageEvent(o: { appId: string; userId: string; msgId?: string }) {
  return {
    app_id: o.appId,
    event_name: "user_send_image",
    timestamp: String(Date.now()),
    sender: { id: o.userId },
    recipient: { id: "579745863508352884" },
    message: {
      msg_id: o.msgId ?? randomBytes(10).toString("hex"),
      attachments: [
        {
          type: "image",
          payload: { thumbnail: "https://example.test/t.jpg", url: "https://example.test/i.jpg" },
        },
      ],
    },
  };
}

/** A `follow` event. */
export function zaloFollowEvent(o: { appId: string; userId: string }) {
  return {
    app_id: o.appId,
    oa_id: "579745863508352884",
    event_name: "follow",
    timestamp: String(Date.now()),
    source: "oa_profile",
    follower: { id: o.userId },
    user_id_by_app: `${o.userId}9`,
  };
}

/** Button types of OA messages (hoangnd25 guide "Button Types"; a Zalo OA Java bot's ButtonOA). */
const BUTTON_TYPES = new Set([
  "oa.query.show",
  "oa.query.hide",
  "oa.open.url",
  "oa.open.phone",
  "oa.open.sms",
]);

/**
 * A CS message's template attachment with buttons, as integrations send it; null when malformed
 * (Zalo answers -201). At most 5 buttons, titles of 1–100 characters (limits integrations use).
 */
function checkButtons(attachment: Json): { title: string; type: string; payload: string }[] | null {
  const buttons = attachment?.payload?.buttons;
  if (attachment?.type !== "template" || !Array.isArray(buttons) || !buttons.length || buttons.length > 5)
    return null;
  for (const b of buttons) {
    if (!BUTTON_TYPES.has(b?.type) || typeof b.title !== "string" || !b.title || b.title.length > 100)
      return null;
    if (b.type.startsWith("oa.query") && (typeof b.payload !== "string" || !b.payload)) return null;
  }
  return buttons;
}

/**
 * A local HTTP stand-in for the Zalo OA API (`/v3.0/oa/message/cs`) and Zalo OAuth
 * (`/v4/oa/access_token`): errors come as HTTP 200 with a non-zero `error`, a refresh token
 * works once, and a spent one is refused as Zalo refuses it.
 */
export async function startFakeZalo(options: { accessTokenExpired?: boolean } = {}): Promise<FakeZalo> {
  const appId = "3608465249409039670";
  const appSecret = "fake-app-secret-KJH7";
  const oaSecretKey = "fake-oa-secret-key-Qw8";
  const initial = { accessToken: "acc-0", refreshToken: "ref-0" };
  let access: string | undefined = initial.accessToken;
  /** A token Zalo no longer accepts, and the answer it gets. */
  const dead = new Map<string, ZaloErrorAnswer>();
  if (options.accessTokenExpired) {
    dead.set(initial.accessToken, ZALO_ERRORS.expiredToken);
    access = undefined;
  }
  let refreshFailure: { error: ZaloOAuthError; times: number } | undefined;
  let nextAnswer: { answer: ZaloErrorAnswer; times: number; match?: (text: string) => boolean } | undefined;
  let refresh = initial.refreshToken;
  let generation = 0;
  let mode: FakeZaloMode = "ok";
  let failures = 0;
  let failMatch: ((text: string) => boolean) | undefined;
  const delivered: ZaloDelivered[] = [];
  const refreshes: { refreshToken: string; accepted: boolean }[] = [];
  const held: ServerResponse[] = [];
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const l of [...listeners]) l();
  };
  const json = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));

  const fake: FakeZalo = {
    url: "",
    appId,
    appSecret,
    oaSecretKey,
    initial,
    env: () => ({
      ZALO_APP_ID: appId,
      ZALO_APP_SECRET: appSecret,
      ZALO_OA_SECRET_KEY: oaSecretKey,
      ZALO_ACCESS_TOKEN: initial.accessToken,
      ZALO_REFRESH_TOKEN: initial.refreshToken,
      ZALO_API_BASE: fake.url,
      ZALO_OAUTH_BASE: fake.url,
    }),
    delivered,
    refreshes,
    messageRequests: 0,
    expireAccessToken() {
      if (access) dead.set(access, ZALO_ERRORS.expiredToken);
      access = undefined;
    },
    invalidateAccessToken() {
      if (access) dead.set(access, ZALO_ERRORS.invalidToken);
      access = undefined;
    },
    failRefreshNext(error, times = 1) {
      refreshFailure = { error, times };
    },
    answerNextWith(answer, times = 1, match) {
      nextAnswer = { answer, times, match };
    },
    setMode(next) {
      mode = next;
      if (next !== "hang") for (const res of held.splice(0)) res.destroy();
    },
    failNext(times = 1, match) {
      failures = times;
      failMatch = match;
    },
    deliveredTo: (userId) => delivered.filter((d) => d.userId === userId),
    waitForDelivered(userId, count, timeoutMs = 15_000) {
      return waitUntil(
        listeners,
        () => {
          const mine = delivered.filter((d) => d.userId === userId);
          return mine.length >= count ? mine : undefined;
        },
        timeoutMs,
        `fake Zalo: ${count} message(s) to ${userId}`,
      );
    },
    waitForRequests(count, timeoutMs = 15_000) {
      return waitUntil(
        listeners,
        () => (fake.messageRequests >= count ? true : undefined),
        timeoutMs,
        `fake Zalo: ${count} requests`,
      ).then(() => undefined);
    },
    sign(event, opts = {}) {
      const body = JSON.stringify(event);
      const timestamp = String(event.timestamp);
      const mac = createHash("sha256").update(`${appId}${body}${timestamp}${oaSecretKey}`).digest("hex");
      const headers: Record<string, string> = {
        "content-type": "application/json",
        "x-zevent-signature": `mac=${mac}`,
      };
      if (opts.numRetry) headers.num_retry = String(opts.numRetry);
      return { body, headers };
    },
    async checkWebhookUrl(url) {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      await res.arrayBuffer();
      return res.status;
    },
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const path = new URL(req.url ?? "/", "http://fake").pathname;

      if (req.method === "POST" && path === "/v4/oa/access_token") {
        const form = new URLSearchParams(raw);
        if (req.headers.secret_key !== appSecret) {
          return json(res, 200, {
            error: -14003,
            error_name: "Invalid app secret",
            error_description: "secret_key is invalid",
          });
        }
        if (form.get("app_id") !== appId || form.get("grant_type") !== "refresh_token") {
          return json(res, 200, {
            error: -14002,
            error_name: "Invalid parameter",
            error_description: "app_id or grant_type is invalid",
          });
        }
        const used = form.get("refresh_token") ?? "";
        if (refreshFailure && refreshFailure.times > 0) {
          refreshFailure.times -= 1;
          refreshes.push({ refreshToken: used, accepted: false });
          return json(res, refreshFailure.error.status ?? 200, refreshFailure.error.body);
        }
        const accepted = used === refresh;
        refreshes.push({ refreshToken: used, accepted });
        if (!accepted) {
          return json(res, 200, {
            error: -14014,
            error_name: "Invalid refresh token",
            error_description: "Refresh token is invalid or has been used",
          });
        }
        generation += 1;
        if (access) dead.set(access, ZALO_ERRORS.invalidToken);
        access = `acc-${generation}`;
        refresh = `ref-${generation}`;
        return json(res, 200, { access_token: access, refresh_token: refresh, expires_in: "90000" });
      }

      if (req.method === "POST" && path === "/v3.0/oa/message/cs") {
        fake.messageRequests += 1;
        notify();
        if (mode === "hang") {
          held.push(res);
          return;
        }
        let body: Json;
        try {
          body = JSON.parse(raw);
        } catch {
          return json(res, 200, { error: -201, message: "Parameters are invalid" });
        }
        if (failures > 0 && (!failMatch || failMatch(String(body?.message?.text)))) {
          failures -= 1;
          return json(res, 500, { error: -500, message: "Internal server error" });
        }
        const token = String(req.headers.access_token ?? "");
        if (!access || token !== access) return json(res, 200, dead.get(token) ?? ZALO_ERRORS.invalidToken);
        if (
          nextAnswer &&
          nextAnswer.times > 0 &&
          (!nextAnswer.match || nextAnswer.match(String(body?.message?.text)))
        ) {
          nextAnswer.times -= 1;
          return json(res, 200, nextAnswer.answer);
        }
        const userId = body?.recipient?.user_id;
        const text = body?.message?.text;
        if (typeof userId !== "string" || typeof text !== "string" || !text || text.length > 2000) {
          return json(res, 200, { error: -201, message: "Parameters are invalid" });
        }
        const attachment = body?.message?.attachment;
        const buttons = attachment === undefined ? undefined : checkButtons(attachment);
        if (buttons === null) return json(res, 200, { error: -201, message: "attachment is invalid!" });
        delivered.push({ userId, text, accessToken: token, body, ...(buttons ? { buttons } : {}) });
        notify();
        // The answer of a CS message: `data.message_id` (chatwoot message_sender.rb reads it). The
        // `quota` object has the shape Zalo's template-message answers carry (hoangnd25 guide);
        // whether CS answers carry it is not in the sources, so the app keeps it only when present.
        return json(res, 200, {
          data: {
            message_id: randomBytes(16).toString("hex"),
            user_id: userId,
            quota: { dailyQuota: "5000", remainingQuota: String(5000 - delivered.length) },
          },
          error: 0,
          message: "Success",
        });
      }
      json(res, 404, { error: -404, message: "Not found" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  (fake as { url: string }).url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
