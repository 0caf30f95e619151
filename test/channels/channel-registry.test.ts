import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Router } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ChannelId,
  channelRegistry,
  citizenMessenger,
  type DeskMessage,
  defineChannel,
  startChannels,
  UnknownChannelError,
} from "../../src/channels/index.js";
import { redisWebInbox } from "../../src/channels/web/index.js";
import type { IntakeCase } from "../../src/core/index.js";
import type { StaffViewer } from "../../src/escalation/index.js";
import { fastRoutes } from "../../src/http/index.js";
import { createLogger } from "../../src/logging/index.js";
import { createMetricsIngester, vietnamDay } from "../../src/metrics/index.js";
import { startTestApp, type TestApp } from "../support/in-process-app.js";
import { loginStaff } from "../support/staff-client.js";

// A channel the code base does not have: registered here only, with no other source file changed.
const MESSENGER = "messenger" as ChannelId;
const delivered: DeskMessage[] = [];
const messengerChannel = defineChannel({
  id: "messenger",
  label: "Facebook Messenger",
  reportLabel: "Facebook Messenger (Fanpage)",
  metricsLabel: "messenger",
  capabilities: { choices: "buttons", replyWindow: true, maxMessageLength: 2000 },
  desk: () => ({
    async send(message) {
      delivered.push(message);
      return "queued";
    },
    state: async () => "sent",
    canReach: async (conversationId) => conversationId.startsWith("fb-"),
    async forget() {},
  }),
});

const officer: StaffViewer = { username: "canbo.messenger", role: "staff" };
const PASSWORD = "mat-khau-dai-messenger";
let app: TestApp;
let unregister: () => void;

function intake(overrides: Partial<IntakeCase> = {}): IntakeCase {
  return {
    channel: MESSENGER,
    sessionId: "fb-4242",
    reason: "ask-person",
    description: "Tôi bị chủ nhà giữ tiền cọc, tôi cần hỏi cán bộ.",
    topic: "dat-dai",
    contactPreference: "chat",
    commune: "Xã Tân Lợi",
    eligibility: { hoNgheo: true },
    transcript: [{ role: "citizen", text: "gặp cán bộ", at: new Date().toISOString() }],
    shownFaqIds: [],
    ...overrides,
  };
}

beforeAll(async () => {
  unregister = channelRegistry.register(messengerChannel);
  app = await startTestApp({}, { index: false });
  await app.accounts.create({ username: officer.username, password: PASSWORD, role: "admin" });
}, 60_000);
afterAll(async () => {
  await app?.close();
  unregister?.();
});

describe("a channel added to the registry", () => {
  it("keeps its cases under its own id and delivers a staff reply through its own delivery, not the web inbox", async () => {
    const { id } = await app.cases.desk.open(intake());
    expect((await app.caseStore.get(id))?.channel).toBe("messenger");
    expect((await app.cases.claim(officer, id)).ok).toBe(true);
    const reply = await app.cases.reply(officer, id, "Dạ, bạn mang hợp đồng thuê nhà đến văn phòng nhé.");
    expect(reply.state).toBe("queued");
    expect(delivered.map((m) => [m.conversationId, m.text])).toEqual([
      ["fb-4242", expect.stringContaining("bạn mang hợp đồng thuê nhà")],
    ]);
    const inbox = redisWebInbox(app.redis, app.config.redis.prefix);
    expect(await inbox.has(delivered[0]?.key ?? "")).toBe(false);
  });

  it("shows its label on the case page, in the queue and in the queue's and dashboard's channel filters", async () => {
    const { id } = await app.cases.desk.open(intake({ sessionId: "fb-5151" }));
    const staff = await loginStaff(app.baseUrl, officer.username, PASSWORD);
    const page = await (await staff.get(`/staff/cases/${id}`)).text();
    expect(page).toContain("· Facebook Messenger ·");
    const queue = await (await staff.get("/staff/cases?channel=messenger")).text();
    expect(queue).toContain('<td data-label="Kênh">Facebook Messenger</td>');
    expect(queue).toContain('<option value="messenger"');
    expect(queue).toContain(id);
    const dashboard = await (await staff.get("/staff/dashboard")).text();
    expect(dashboard).toContain('<option value="messenger">Facebook Messenger</option>');
  });

  it("counts its cases in the report under its own row after the built-in channels, never as other", async () => {
    const ingester = createMetricsIngester({
      redis: app.redis,
      prefix: app.config.redis.prefix,
      retentionDays: 30,
    });
    const today = vietnamDay(new Date());
    const admin = await loginStaff(app.baseUrl, officer.username, PASSWORD);
    type Row = { key: string; label: string; values: Record<string, number> };
    const channelRows = async () => {
      const res = await admin.get(`/api/v1/admin/reports?from=${today}&to=${today}&format=json`);
      expect(res.status).toBe(200);
      const report = (await res.json()) as { tables: { id: string; rows: Row[] }[] };
      return report.tables.find((t) => t.id === "channels")?.rows ?? [];
    };
    // The app's own ingester may hold some of the events: ask until both cases are counted.
    let rows: Row[] = [];
    for (let i = 0; i < 50; i++) {
      await ingester.drain();
      rows = await channelRows();
      if (rows.find((r) => r.key === "messenger")?.values.cases === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const channels = { rows };
    expect(channels?.rows.map((r) => r.key)).toEqual(["web", "telegram", "zalo", "messenger", "phone"]);
    const messenger = channels?.rows.find((r) => r.key === "messenger");
    expect(messenger?.label).toBe("Facebook Messenger (Fanpage)");
    expect(messenger?.values.cases).toBe(2);
  });
});

describe("an unknown channel", () => {
  it("is refused with a typed error: no case is opened under web, no message goes anywhere", async () => {
    const fax = "fax" as ChannelId;
    const open = app.cases.desk.open(intake({ channel: fax, sessionId: "fax-1" }));
    await expect(open).rejects.toBeInstanceOf(UnknownChannelError);
    await expect(open).rejects.toMatchObject({ code: "unknown_channel", channel: "fax" });
    const messenger = citizenMessenger({
      redis: app.redis,
      prefix: app.config.redis.prefix,
      config: app.config,
      clock: { now: () => new Date() },
    });
    await expect(
      messenger.send({ channel: fax, conversationId: "fax-1", text: "Dạ", key: "fax-key" }),
    ).rejects.toBeInstanceOf(UnknownChannelError);
    expect(() => channelRegistry.get("fax")).toThrow(UnknownChannelError);
  });
});

describe("starting the registry's channels", () => {
  it("starts none that is not configured, and still answers Zalo's URL check before Zalo is", async () => {
    const routes = fastRoutes();
    const channels = await startChannels({
      config: app.config,
      logger: createLogger("silent"),
      redis: app.redis,
      engine: app.engine,
      router: Router(),
      fastRoutes: routes,
    });
    expect(channels.configured()).toEqual({ telegram: false, zalo: false });
    expect(channels.queues()).toEqual([]);
    const server = createServer(routes.inFrontOf((_req, res) => res.writeHead(404).end()));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/zalo`;
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      expect(res.status).toBe(200);
    } finally {
      server.close();
      await channels.close();
    }
  });
});
