import {
  BodyTooLargeError,
  type FastHandler,
  RETRY_AFTER_SECONDS,
  readBody,
  sendError,
} from "../../http/index.js";
import { verifyZaloSignature, ZALO_SIGNATURE_HEADER } from "./verify-zalo-signature.js";
import { toZaloInboundJob, type ZaloInboundJob } from "./zalo-event.js";

/** The Zalo OA webhook path. */
export const ZALO_WEBHOOK_PATH = "/webhooks/zalo";

/** Zalo's events are small; anything larger is not one of them. */
const BODY_LIMIT = 64 * 1024;

/** The header Zalo puts on a re-delivery: how many times it tried before (hoangnd25 guide). */
const NUM_RETRY_HEADER = "num_retry";

/**
 * `POST /webhooks/zalo` on the raw body: 401 unless the signature matches and the event's own
 * timestamp is within `maxAgeSeconds`; then the event is queued (durable) and Zalo gets its 200.
 * Events we do not handle get 200 too. If the queue cannot be written, 503: Zalo delivers again
 * later and nothing is acknowledged unkept.
 *
 * Zalo re-sends an unacknowledged event with its original body and timestamp for about 1 h 50 min
 * (30 s, 5, 15, 30 min, 1 h), so the age limit must cover that; a duplicate becomes one job by its
 * msg_id. The unsigned `POST {}` Zalo sends when the URL is saved gets 200 and changes nothing.
 * A node handler in front of express (src/http/fast-routes.ts): this is the one hot path.
 */
export function zaloWebhook(deps: {
  appId: string;
  oaSecretKey: string;
  maxAgeSeconds: number;
  enqueue: (event: ZaloInboundJob) => Promise<void>;
  now?: () => number;
  onRejected?: (reason: string) => void;
  onUrlCheck?: () => void;
  onRedelivery?: (numRetry: number) => void;
  onError?: (error: unknown) => void;
}): FastHandler {
  async function handle(raw: Buffer, header: string | undefined, numRetry: number): Promise<number> {
    const body = parseJson(raw);
    if (isUrlCheck(header, body)) {
      deps.onUrlCheck?.();
      return 200;
    }
    const check = verifyZaloSignature({
      header,
      rawBody: raw,
      timestamp: timestampOf(body),
      appId: deps.appId,
      secretKey: deps.oaSecretKey,
      nowMs: deps.now?.() ?? Date.now(),
      maxAgeSeconds: deps.maxAgeSeconds,
    });
    if (!check.ok) {
      deps.onRejected?.(check.reason);
      return 401;
    }
    if (numRetry > 0) deps.onRedelivery?.(numRetry);
    const event = toZaloInboundJob(body);
    if (event) await deps.enqueue(event);
    return 200;
  }

  return (req, res) => {
    const header = req.headers[ZALO_SIGNATURE_HEADER];
    const retry = Number(req.headers[NUM_RETRY_HEADER] ?? 0);
    readBody(req, BODY_LIMIT)
      .then((raw) =>
        handle(raw, Array.isArray(header) ? header[0] : header, Number.isFinite(retry) ? retry : 0),
      )
      .then(
        (status) => {
          if (status === 401) sendError(res, 401, "invalid_signature", "Chữ ký Zalo không hợp lệ.");
          // Zalo reads only the status: an empty 200.
          else res.writeHead(200, { "content-length": 0 }).end();
        },
        (error: unknown) => {
          if (error instanceof BodyTooLargeError) {
            sendError(res, 413, "too_large", "Nội dung gửi lên quá lớn.");
            return;
          }
          if (req.readableAborted) return; // Zalo hung up mid-body: it delivers again.
          deps.onError?.(error);
          // The body stream ends (and is destroyed) once read: only the response says whether Zalo still listens.
          if (!res.headersSent && !res.destroyed) {
            sendError(res, 503, "unavailable", "Hệ thống đang bận. Vui lòng gửi lại sau.", {
              "retry-after": String(RETRY_AFTER_SECONDS),
            });
          }
        },
      );
  };
}

/**
 * `POST /webhooks/zalo` before Zalo is configured (no `ZALO_APP_ID`/`ZALO_OA_SECRET_KEY` yet): Zalo's
 * unsigned `POST {}` URL check gets its 200, so the URL can be saved and the OA secret key read
 * from Zalo's page, whichever order Zalo asks for them in; anything else gets 404 and is not kept
 * (there is nothing to verify a signature with).
 */
export function zaloUrlCheckOnly(deps: { onUrlCheck?: () => void } = {}): FastHandler {
  return (req, res) => {
    readBody(req, BODY_LIMIT).then(
      (raw) => {
        if (isUrlCheck(req.headers[ZALO_SIGNATURE_HEADER], parseJson(raw))) {
          deps.onUrlCheck?.();
          res.writeHead(200, { "content-length": 0 }).end();
          return;
        }
        sendError(res, 404, "zalo_not_configured", "Kênh Zalo chưa được cấu hình.");
      },
      (error: unknown) => {
        if (res.headersSent || res.destroyed) return;
        if (error instanceof BodyTooLargeError) sendError(res, 413, "too_large", "Nội dung gửi lên quá lớn.");
        else sendError(res, 400, "bad_request", "Không đọc được nội dung gửi lên.");
      },
    );
  };
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    return undefined;
  }
}

/** Zalo's check of a webhook URL: an unsigned `POST {}`. */
function isUrlCheck(signature: string | string[] | undefined, body: unknown): boolean {
  return (
    signature === undefined &&
    typeof body === "object" &&
    body !== null &&
    !Array.isArray(body) &&
    Object.keys(body).length === 0
  );
}

function timestampOf(body: unknown): string | number | undefined {
  if (typeof body !== "object" || body === null || !("timestamp" in body)) return undefined;
  const t = (body as { timestamp: unknown }).timestamp;
  return typeof t === "string" || typeof t === "number" ? t : undefined;
}
