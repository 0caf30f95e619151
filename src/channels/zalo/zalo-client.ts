import { z } from "zod";
import { ZaloApiError } from "./zalo-api-error.js";
import type { ZaloTokenStore } from "./zalo-token-store.js";

/** Zalo's "access token is invalid or expired" error code. */
export const ZALO_TOKEN_EXPIRED = -216;

/** Sends customer-service messages from the OA. */
export interface ZaloClient {
  sendText(userId: string, text: string): Promise<void>;
}

const answerSchema = z.looseObject({ error: z.number(), message: z.string().optional() });

/** `POST {apiBase}/v3.0/oa/message/cs`; a non-zero `error` is a failure even with HTTP 200. */
export function zaloClient(deps: {
  apiBase: string;
  tokens: ZaloTokenStore;
  fetch?: typeof fetch;
  timeoutMs?: number;
}): ZaloClient {
  const doFetch = deps.fetch ?? fetch;

  async function post(token: string, userId: string, text: string): Promise<z.infer<typeof answerSchema>> {
    let res: Response;
    try {
      res = await doFetch(`${deps.apiBase}/v3.0/oa/message/cs`, {
        method: "POST",
        headers: { access_token: token, "content-type": "application/json" },
        body: JSON.stringify({ recipient: { user_id: userId }, message: { text } }),
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
    async sendText(userId, text) {
      const token = await deps.tokens.accessToken();
      let answer = await post(token, userId, text);
      if (answer.error === ZALO_TOKEN_EXPIRED)
        answer = await post(await deps.tokens.refresh(token), userId, text);
      if (answer.error !== 0) {
        throw new ZaloApiError(
          answer.error,
          `Zalo refused the message: ${answer.error} ${answer.message ?? ""}`.trim(),
        );
      }
    },
  };
}
