import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyZaloSignature } from "./verify-zalo-signature.js";

// A delivery as Zalo sends it, signed independently of the code under test.
const appId = "3608465249409039670";
const secretKey = "Hx0SaQ8eFmVkQ1TzOEwP";
const timestamp = "1712000000000";
const rawBody = Buffer.from(
  `{"app_id":"${appId}","sender":{"id":"2468458835296117922"},"recipient":{"id":"579745863508352884"},"event_name":"user_send_text","message":{"text":"ly hôn đơn phương","msg_id":"96d3cdf3af150460909"},"timestamp":"${timestamp}"}`,
);
const mac = createHash("sha256")
  .update(Buffer.concat([Buffer.from(appId), rawBody, Buffer.from(timestamp), Buffer.from(secretKey)]))
  .digest("hex");
const now = Number(timestamp) + 5_000;
const valid = {
  header: `mac=${mac}`,
  rawBody,
  timestamp,
  appId,
  secretKey,
  nowMs: now,
  maxAgeSeconds: 300,
};

describe("verifyZaloSignature", () => {
  it("accepts a delivery signed with sha256(appId + raw body + timestamp + OA secret key)", () => {
    expect(verifyZaloSignature(valid)).toEqual({ ok: true });
    expect(verifyZaloSignature({ ...valid, header: `mac=${mac.toUpperCase()}` })).toEqual({ ok: true });
  });

  it("refuses a body changed by one byte", () => {
    const changed = Buffer.from(rawBody);
    changed[changed.length - 3] = changed[changed.length - 3] === 0x30 ? 0x31 : 0x30;
    expect(verifyZaloSignature({ ...valid, rawBody: changed })).toEqual({ ok: false, reason: "mismatch" });
  });

  it("refuses a signature made with another key", () => {
    expect(verifyZaloSignature({ ...valid, secretKey: `${secretKey}x` })).toEqual({
      ok: false,
      reason: "mismatch",
    });
    expect(verifyZaloSignature({ ...valid, appId: "1" })).toEqual({ ok: false, reason: "mismatch" });
  });

  it("refuses a missing or malformed header", () => {
    expect(verifyZaloSignature({ ...valid, header: undefined })).toEqual({ ok: false, reason: "missing" });
    expect(verifyZaloSignature({ ...valid, header: "" })).toEqual({ ok: false, reason: "missing" });
    expect(verifyZaloSignature({ ...valid, header: mac })).toEqual({ ok: false, reason: "malformed" });
    expect(verifyZaloSignature({ ...valid, header: `mac=${mac.slice(1)}` })).toEqual({
      ok: false,
      reason: "malformed",
    });
  });

  it("refuses a stale timestamp, and one from the future, beyond the window", () => {
    expect(verifyZaloSignature({ ...valid, nowMs: Number(timestamp) + 301_000 })).toEqual({
      ok: false,
      reason: "stale",
    });
    expect(verifyZaloSignature({ ...valid, nowMs: Number(timestamp) - 301_000 })).toEqual({
      ok: false,
      reason: "stale",
    });
    expect(verifyZaloSignature({ ...valid, nowMs: Number(timestamp) + 299_000 })).toEqual({ ok: true });
  });

  it("refuses a body without a timestamp", () => {
    expect(verifyZaloSignature({ ...valid, timestamp: undefined })).toEqual({
      ok: false,
      reason: "no-timestamp",
    });
    expect(verifyZaloSignature({ ...valid, timestamp: "soon" })).toEqual({
      ok: false,
      reason: "no-timestamp",
    });
  });
});
