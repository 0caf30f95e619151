import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { ZaloInboundJob } from "./zalo-event.js";
import { zaloUrlCheckOnly, zaloWebhook } from "./zalo-webhook.js";

const appId = "3608465249409039670";
const oaSecretKey = "Hx0SaQ8eFmVkQ1TzOEwP";
const now = 1_712_000_000_000;

/** A delivery as Zalo sends it, signed here independently of the code under test. */
function delivery(event: Record<string, unknown>): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ app_id: appId, timestamp: String(now - 1000), ...event });
  const timestamp = String((JSON.parse(body) as { timestamp: string }).timestamp);
  const mac = createHash("sha256").update(`${appId}${body}${timestamp}${oaSecretKey}`).digest("hex");
  return { body, headers: { "content-type": "application/json", "x-zevent-signature": `mac=${mac}` } };
}
const text = (msgId: string, t: string) => ({
  event_name: "user_send_text",
  sender: { id: "2468458835296117922" },
  recipient: { id: "579745863508352884" },
  message: { msg_id: msgId, text: t },
});

let server: Server | undefined;
afterEach(async () => {
  await new Promise((r) => server?.close(r) ?? r(undefined));
  server = undefined;
});

async function start(enqueue: (e: ZaloInboundJob) => Promise<void>, errors: unknown[] = []) {
  const handler = zaloWebhook({
    appId,
    oaSecretKey,
    maxAgeSeconds: 300,
    enqueue,
    now: () => now,
    onError: (e) => errors.push(e),
  });
  server = createServer(handler);
  await new Promise<void>((r) => server?.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/zalo`;
  return (d: { body: string; headers: Record<string, string> }) =>
    fetch(url, { method: "POST", headers: d.headers, body: d.body });
}

describe("zaloWebhook", () => {
  it("queues a signed text event, then answers an empty 200", async () => {
    const queued: ZaloInboundJob[] = [];
    const post = await start(async (e) => void queued.push(e));
    const res = await post(delivery(text("m1", "ly hôn <b>đơn phương</b> 😊")));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    expect(queued).toEqual([
      {
        eventId: "m1",
        kind: "text",
        userId: "2468458835296117922",
        text: "ly hôn <b>đơn phương</b> 😊",
        timestampMs: now - 1000,
      },
    ]);
  });

  it("acknowledges an event it does not act on without queueing it", async () => {
    const queued: ZaloInboundJob[] = [];
    const post = await start(async (e) => void queued.push(e));
    const res = await post(delivery({ event_name: "oa_send_text", message: { msg_id: "m2", text: "x" } }));
    expect(res.status).toBe(200);
    expect(queued).toEqual([]);
  });

  it("answers 401 and queues nothing when the signature is wrong", async () => {
    const queued: ZaloInboundJob[] = [];
    const post = await start(async (e) => void queued.push(e));
    const signed = delivery(text("m3", "ly hôn"));
    const res = await post({ ...signed, body: signed.body.replace("ly hôn", "ly hôm") });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { code: "invalid_signature", message: "Chữ ký Zalo không hợp lệ." },
    });
    expect(queued).toEqual([]);
  });

  it("answers 503 when the event cannot be queued, so Zalo delivers it again", async () => {
    const errors: unknown[] = [];
    const post = await start(() => Promise.reject(new Error("Redis is down")), errors);
    const res = await post(delivery(text("m4", "ly hôn")));
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe("unavailable");
    expect(String(errors[0])).toMatch(/Redis is down/);
  });

  it("answers 413 to a body larger than any Zalo event, without reading it all", async () => {
    const queued: ZaloInboundJob[] = [];
    const post = await start(async (e) => void queued.push(e));
    const res = await post(delivery(text("m5", "x".repeat(70 * 1024))));
    expect(res.status).toBe(413);
    expect(queued).toEqual([]);
  });
});

describe("zaloUrlCheckOnly (Zalo not configured yet)", () => {
  async function serve() {
    const checks: number[] = [];
    server = createServer(zaloUrlCheckOnly({ onUrlCheck: () => checks.push(1) }));
    await new Promise<void>((r) => server?.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/zalo`;
    return { url, checks };
  }

  it("answers Zalo's unsigned POST {} with 200, so the URL can be saved before the secret key is known", async () => {
    const { url, checks } = await serve();
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(200);
    expect(checks).toHaveLength(1);
  });

  it("answers a real event with 404: nothing can verify it, nothing is kept", async () => {
    const { url, checks } = await serve();
    const d = delivery(text("m9", "xin chào"));
    const res = await fetch(url, { method: "POST", headers: d.headers, body: d.body });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("zalo_not_configured");
    const signedEmpty = await fetch(url, { method: "POST", headers: d.headers, body: "{}" });
    expect(signedEmpty.status).toBe(404);
    expect(checks).toHaveLength(0);
  });
});
