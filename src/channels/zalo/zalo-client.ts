import { z } from "zod";
import { ZALO_TOKEN_ERRORS, ZaloApiError } from "./zalo-api-error.js";
import type { ZaloTokenStore } from "./zalo-token-store.js";

/** What Zalo answered for a delivered message: its id and, when Zalo sends one, the quota left. */
export interface ZaloSent {
  readonly messageId?: string;
  readonly quota?: Record<string, unknown>;
}

/** The `message` object of a CS message: text, optionally with an attachment (buttons). */
export type ZaloMessage = { readonly text: string; readonly attachment?: unknown };

/** Sends customer-service messages from the OA. */
export interface ZaloClient {
  send(userId: string, message: ZaloMessage): Promise<ZaloSent>;
}

const answerSchema = z.looseObject({
  error: z.number(),
  message: z.string().optional(),
  data: z
    .looseObject({
      message_id: z.union([z.string(), z.number()]).transform(String).optional(),
      quota: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
});

/**
 * `POST {apiBase}/v3.0/oa/message/cs`; a non-zero `error` is a failure even with HTTP 200. An
 * access token Zalo calls invalid (-216) or expired (-220) is refreshed once and the send repeated.
 */
export function zaloClient(deps: {
  apiBase: string;
  tokens: ZaloTokenStore;
  fetch?: typeof fetch;
  timeoutMs?: number;
}): ZaloClient {
  const doFetch = deps.fetch ?? fetch;

  async function post(token: string, userId: string, message: ZaloMessage) {
    let res: Response;
    try {
      res = await doFetch(`${deps.apiBase}/v3.0/oa/message/cs`, {
        method: "POST",
        headers: { access_token: token, "content-type": "application/json" },
        body: JSON.stringify({ recipient: { user_id: userId }, message }),
        signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new ZaloApiError(0, "Zalo OA API did not answer", { cause: error });
    }
    const parsed = answerSchema.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success)
      throw new ZaloApiError(0, `Zalo OA API answered HTTP ${res.status} with an unknown body`);
    return parsed.data;
  }

  return {
    async send(userId, message) {
      const token = await deps.tokens.accessToken();
      let answer = await post(token, userId, message);
      if (ZALO_TOKEN_ERRORS.has(answer.error))
        answer = await post(await deps.tokens.refresh(token), userId, message);
      if (answer.error !== 0) {
        throw new ZaloApiError(
          answer.error,
          `Zalo refused the message: ${answer.error} ${answer.message ?? ""}`.trim(),
        );
      }
      return { messageId: answer.data?.message_id, quota: answer.data?.quota };
    },
  };
}
