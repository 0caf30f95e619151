import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZaloChannel } from "../../src/channels/zalo/index.js";
import {
  type FakeZalo,
  startFakeZalo,
  zaloFollowEvent,
  zaloImageEvent,
  zaloTextEvent,
} from "../support/fake-zalo.js";
import { type ChannelApp, echoEngine, startChannelApp } from "./support/channel-app.js";

let fake: FakeZalo;
let app: ChannelApp;
let user = 8_100_000_000;
const newUser = () => String(++user);

beforeAll(async () => {
  fake = await startFakeZalo();
  app = await startChannelApp(fake.env());
}, 60_000);
afterAll(async () => {
  await app?.close();
  await fake?.close();
});

function post(body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${app.baseUrl}/webhooks/zalo`, { method: "POST", headers, body });
}

function deliver(event: Record<string, unknown>): Promise<Response> {
  const signed = fake.sign(event);
  return post(signed.body, signed.headers);
}

describe("the Zalo OA channel (real engine)", () => {
  it("answers a signed text message through the OA API, in Zalo's request shape", async () => {
    const id = newUser();
    const res = await deliver(
      zaloTextEvent({ appId: fake.appId, userId: id, text: "thủ tục ly hôn đơn phương" }),
    );
    expect(res.status).toBe(200);
    const [sent] = await fake.waitForDelivered(id, 1);
    expect(sent?.body).toEqual({
      recipient: { user_id: id },
      message: {
        text: expect.any(String),
        attachment: { type: "template", payload: { buttons: expect.any(Array) } },
      },
    });
    expect(sent?.buttons).toContainEqual({
      title: "Gặp cán bộ trợ giúp pháp lý",
      type: "oa.query.show",
      payload: "gặp cán bộ",
    });
    expect(sent?.accessToken).toBe(await app.redis.hget(`${app.prefix}:zalo:tokens`, "access"));
    expect(sent?.text).toMatch(/Căn cứ:/);
    expect(sent?.text).toContain('bạn gõ "gặp cán bộ"');
  });

  it("returns 401 when the Zalo signature does not match, is missing or is older than Zalo re-sends", async () => {
    const id = newUser();
    const signed = fake.sign(zaloTextEvent({ appId: fake.appId, userId: id, text: "ly hôn" }));
    const tampered = signed.body.replace("ly hôn", "ly hôm");
    expect((await post(tampered, signed.headers)).status).toBe(401);
    expect((await post(signed.body, { "content-type": "application/json" })).status).toBe(401);
    const stale = zaloTextEvent({
      appId: fake.appId,
      userId: id,
      text: "ly hôn",
      timestamp: Date.now() - 4 * 3_600_000,
    });
    expect((await deliver(stale)).status).toBe(401);
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.deliveredTo(id)).toHaveLength(0);
  });

  it("answers a duplicate delivery (same msg_id) once", async () => {
    const id = newUser();
    const event = zaloTextEvent({
      appId: fake.appId,
      userId: id,
      text: "làm lại giấy khai sinh",
      msgId: `dup${id}`,
    });
    const statuses = await Promise.all(
      [deliver(event), deliver(event), deliver(event)].map((p) => p.then((r) => r.status)),
    );
    expect(statuses).toEqual([200, 200, 200]);
    await fake.waitForDelivered(id, 1);
    expect((await deliver(event)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1000));
    expect(fake.deliveredTo(id)).toHaveLength(1);
  });

  it("numbers the choices in the text and sends them as buttons; a typed number picks one", async () => {
    const id = newUser();
    await deliver(zaloTextEvent({ appId: fake.appId, userId: id, text: "sổ đỏ" }));
    const [choices] = await fake.waitForDelivered(id, 1);
    expect(choices?.text).toMatch(/1\. .+\n2\. /);
    expect(choices?.buttons?.slice(0, 2)).toEqual([
      { title: expect.stringMatching(/^1\. /), type: "oa.query.show", payload: "1" },
      { title: expect.stringMatching(/^2\. /), type: "oa.query.show", payload: "2" },
    ]);
    expect(choices?.buttons?.at(-1)).toMatchObject({ type: "oa.query.show", payload: "gặp cán bộ" });
    await deliver(zaloTextEvent({ appId: fake.appId, userId: id, text: "2" }));
    const [, answer] = await fake.waitForDelivered(id, 2);
    expect(answer?.text).toMatch(/Căn cứ:/);
    expect(answer?.text).toContain(choices?.buttons?.[1]?.title.slice(3, 30));
  });

  it("picks a choice when the citizen presses its button (Zalo sends the payload as text)", async () => {
    const id = newUser();
    await deliver(zaloTextEvent({ appId: fake.appId, userId: id, text: "sổ đỏ" }));
    const [choices] = await fake.waitForDelivered(id, 1);
    const first = choices?.buttons?.[0];
    await deliver(zaloTextEvent({ appId: fake.appId, userId: id, text: first?.payload ?? "" }));
    const [, answer] = await fake.waitForDelivered(id, 2);
    expect(answer?.text).toMatch(/Căn cứ:/);
  });

  it("sends the same text without buttons when Zalo refuses them as invalid (-201)", async () => {
    const id = newUser();
    fake.answerNextWith({ error: -201, message: "attachment is invalid!" }, 1, (t) => /1\. /.test(t));
    await deliver(zaloTextEvent({ appId: fake.appId, userId: id, text: "sổ đỏ" }));
    const [choices] = await fake.waitForDelivered(id, 1);
    expect(choices?.text).toMatch(/1\. .+\n2\. /);
    expect(choices?.buttons).toBeUndefined();
  });

  it("greets a new follower and says politely that only text is understood", async () => {
    const id = newUser();
    await deliver(zaloFollowEvent({ appId: fake.appId, userId: id }));
    const [greeting] = await fake.waitForDelivered(id, 1);
    expect(greeting?.text).toMatch(/^Dạ, chào bạn!/);
    await deliver(zaloImageEvent({ appId: fake.appId, userId: id }));
    const [, notice] = await fake.waitForDelivered(id, 2);
    expect(notice?.text).toMatch(/chỉ hỗ trợ tin nhắn chữ/);
  });

  it("acknowledges at once even while the OA API does not answer", async () => {
    const id = newUser();
    fake.setMode("hang");
    try {
      const started = Date.now();
      const res = await deliver(zaloTextEvent({ appId: fake.appId, userId: id, text: "xin chào" }));
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      fake.setMode("ok");
    }
  });

  it("refreshes an access token Zalo calls expired (-220) once and delivers the reply", async () => {
    const id = newUser();
    const before = fake.refreshes.length;
    fake.expireAccessToken();
    await deliver(zaloTextEvent({ appId: fake.appId, userId: id, text: "xin chào" }));
    const [sent] = await fake.waitForDelivered(id, 1);
    expect(fake.refreshes.slice(before)).toEqual([{ refreshToken: expect.any(String), accepted: true }]);
    const stored = await app.redis.hgetall(`${app.prefix}:zalo:tokens`);
    expect(sent?.accessToken).toBe(stored.access);
    expect(Number(stored.expiresAt)).toBeGreaterThan(Date.now() + 24 * 3_600_000);
  });

  it("answers Zalo's unsigned URL check (POST {}) with 200 and queues nothing", async () => {
    const queue = (app.channels.get("zalo") as ZaloChannel | undefined)?.inbound.queue;
    const jobs = async () => Object.values((await queue?.getJobCounts()) ?? {}).reduce((a, b) => a + b, 0);
    const before = await jobs();
    expect(await fake.checkWebhookUrl(`${app.baseUrl}/webhooks/zalo`)).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(await jobs()).toBe(before);
    expect((await post("{}", { "x-zevent-signature": `mac=${"0".repeat(64)}` })).status).toBe(401);
    expect((await post('{"event_name":"user_send_text"}', {})).status).toBe(401);
  });

  it("accepts a re-delivery 10 minutes old (original body, num_retry) and answers once", async () => {
    const id = newUser();
    const event = zaloTextEvent({
      appId: fake.appId,
      userId: id,
      text: "thủ tục ly hôn đơn phương",
      timestamp: Date.now() - 10 * 60_000,
    });
    // The first deliveries never reached us (an outage); Zalo sends the same body again.
    const second = fake.sign(event, { numRetry: 2 });
    expect((await post(second.body, second.headers)).status).toBe(200);
    await fake.waitForDelivered(id, 1);
    const third = fake.sign(event, { numRetry: 3 });
    expect((await post(third.body, third.headers)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1000));
    expect(fake.deliveredTo(id)).toHaveLength(1);
    expect(fake.deliveredTo(id)[0]?.text).toMatch(/Căn cứ:/);
  });
});

describe("a Zalo OA whose configured access token has already expired", () => {
  it("still answers the citizen: the token is refreshed and the reply delivered", async () => {
    const expired = await startFakeZalo({ accessTokenExpired: true });
    const second = await startChannelApp(expired.env(), { index: false, engine: echoEngine() });
    try {
      const id = newUser();
      const signed = expired.sign(zaloTextEvent({ appId: expired.appId, userId: id, text: "xin chào" }));
      const res = await fetch(`${second.baseUrl}/webhooks/zalo`, {
        method: "POST",
        headers: signed.headers,
        body: signed.body,
      });
      expect(res.status).toBe(200);
      const [sent] = await expired.waitForDelivered(id, 1);
      expect(sent?.accessToken).toBe("acc-1");
      expect(expired.refreshes).toEqual([{ refreshToken: "ref-0", accepted: true }]);
    } finally {
      await second.close();
      await expired.close();
    }
  });

  it("shows a dead token pair in /health/ready with Zalo's own reason", async () => {
    const dead = await startFakeZalo({ accessTokenExpired: true });
    dead.failRefreshNext(
      {
        body: {
          error: -14014,
          error_name: "Invalid refresh token",
          error_description: "Refresh token is invalid or has been used",
        },
      },
      1000,
    );
    const third = await startChannelApp(dead.env(), { index: false, engine: echoEngine() });
    try {
      let body: { status?: string; details?: { zalo?: Record<string, unknown> } } = {};
      for (let i = 0; i < 200 && !body.details?.zalo?.refreshError; i++) {
        body = await (await fetch(`${third.baseUrl}/health/ready`)).json();
        if (!body.details?.zalo?.refreshError) await new Promise((r) => setTimeout(r, 50));
      }
      // This app has no FAQ index (index: false), so it is not ready anyway; what matters is Zalo's detail.
      expect(body.status).not.toBe("ok");
      expect(body.details?.zalo).toEqual({
        ok: false,
        refreshError:
          "token refresh refused: -14014 Invalid refresh token: Refresh token is invalid or has been used",
      });
    } finally {
      await third.close();
      await dead.close();
    }
  });
});
