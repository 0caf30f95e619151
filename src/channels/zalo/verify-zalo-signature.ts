import { createHash, timingSafeEqual } from "node:crypto";

/** The header Zalo signs webhook deliveries with: `mac=<hex>`. */
export const ZALO_SIGNATURE_HEADER = "x-zevent-signature";

/** Why a delivery was refused, for logs and tests; the caller answers 401 for any of them. */
export type ZaloSignatureCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: "missing" | "malformed" | "no-timestamp" | "mismatch" | "stale" };

/** `sha256(appId + rawBody + timestamp + oaSecretKey)` in hex, as Zalo computes it. */
export function zaloMac(
  appId: string,
  rawBody: Buffer | string,
  timestamp: string,
  secretKey: string,
): string {
  return createHash("sha256").update(appId).update(rawBody).update(timestamp).update(secretKey).digest("hex");
}

/**
 * Checks `X-ZEvent-Signature` against the raw body in constant time, then that the body's
 * `timestamp` (ms) is within `maxAgeSeconds` of now. Pure: the clock comes in as `nowMs`.
 */
export function verifyZaloSignature(input: {
  readonly header: string | undefined;
  readonly rawBody: Buffer | string;
  readonly timestamp: string | number | undefined;
  readonly appId: string;
  readonly secretKey: string;
  readonly nowMs: number;
  readonly maxAgeSeconds: number;
}): ZaloSignatureCheck {
  if (!input.header) return { ok: false, reason: "missing" };
  const match = /^\s*mac\s*=\s*([0-9a-fA-F]{64})\s*$/.exec(input.header);
  if (!match?.[1]) return { ok: false, reason: "malformed" };
  if (input.timestamp === undefined || !/^\d{1,16}$/.test(String(input.timestamp))) {
    return { ok: false, reason: "no-timestamp" };
  }
  const timestamp = String(input.timestamp);
  const expected = Buffer.from(zaloMac(input.appId, input.rawBody, timestamp, input.secretKey), "hex");
  const given = Buffer.from(match[1], "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: "mismatch" };
  if (Math.abs(input.nowMs - Number(timestamp)) > input.maxAgeSeconds * 1000)
    return { ok: false, reason: "stale" };
  return { ok: true };
}
