import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type IntakeCase, memorySessionStore, type SessionStore } from "../../src/core/index.js";
import {
  CaseActionDeniedError,
  CaseNotFoundError,
  type CaseService,
  type CaseStore,
  createCaseService,
  redisCaseStore,
  StaffAccounts,
  type StaffViewer,
} from "../../src/escalation/index.js";
import { createLogger } from "../../src/logging/index.js";
import {
  type FakeMessenger,
  type FakeTimers,
  fakeEvents,
  fakeMessenger,
  fakeTimers,
} from "../staff/fakes.js";
import { deleteKeys, randomName, redisClient } from "../support/services.js";

let redis: Redis;
let prefix: string;
let now: Date;
let store: CaseStore;
let timers: FakeTimers;
let messenger: FakeMessenger;
let events: ReturnType<typeof fakeEvents>;
let sessions: SessionStore;
let service: CaseService;

const lan: StaffViewer = { username: "lan", role: "staff" };
const minh: StaffViewer = { username: "minh", role: "staff" };
const sup: StaffViewer = { username: "hoa", role: "supervisor" };

function intake(overrides: Partial<IntakeCase> = {}): IntakeCase {
  return {
    channel: "telegram",
    sessionId: "tg-42",
    reason: "ask-person",
    description: "Hàng xóm lấn đất nhà tôi.",
    topic: "dat-dai",
    contactPreference: "chat",
    commune: "Xã Tân Lợi",
    eligibility: { hoNgheo: true, khongCo: true },
    transcript: [{ role: "citizen", text: "tôi muốn gặp cán bộ", at: "2026-11-26T08:00:00.000Z" }],
    shownFaqIds: ["dat-dai-tranh-chap", "dat-dai-tranh-chap"],
    ...overrides,
  };
}

beforeAll(() => {
  redis = redisClient();
});
afterAll(async () => {
  await redis.quit();
});
beforeEach(async () => {
  prefix = randomName("svc");
  now = new Date("2026-11-26T02:00:00.000Z");
  const clock = { now: () => now };
  store = redisCaseStore(redis, { prefix, clock });
  timers = fakeTimers();
  messenger = fakeMessenger();
  events = fakeEvents();
  sessions = memorySessionStore();
  const accounts = new StaffAccounts(redis, { prefix, scryptCost: { N: 2 ** 10, r: 8, p: 1 } });
  for (const username of ["lan", "minh"])
    await accounts.create({ username, role: "staff", password: "mat-khau-dai-du" });
  service = createCaseService({
    store,
    timers,
    messenger,
    events,
    sessions,
    hashId: (id) => `h(${id})`,
    clock,
    logger: createLogger("silent"),
    accounts,
    workingHours: { workdayStart: "07:30", workdayEnd: "17:00", holidays: [] },
  });
});
afterEach(async () => {
  await deleteKeys(redis, prefix);
});

describe("createCaseService: the engine's desk", () => {
  it("stores the case with a hashed citizen key and the screening result, then schedules timers and records the event", async () => {
    const opened = await service.desk.open(intake());
    expect(opened).toEqual({ id: "TGPL-2026-000001", firstResponseDueAt: "2026-11-26T10:00:00.000Z" });
    const stored = await store.get(opened.id);
    expect(stored).toMatchObject({
      channel: "telegram",
      citizenKey: "h(telegram:tg-42)",
      conversationId: "tg-42",
      reason: "ask-person",
      shownFaqIds: ["dat-dai-tranh-chap"],
      eligibility: { result: "likely-eligible", answers: { hoNgheo: true } },
    });
    expect(timers.openedIds).toEqual([opened.id]);
    expect(events.events.map((e) => [e.type, e.channel, e.groups])).toEqual([
      ["created", "telegram", ["hoNgheo"]],
    ]);
    // No chat id and no case code: the event outlives the case's anonymization.
    expect(JSON.stringify(events.events)).not.toContain("tg-42");
    expect(JSON.stringify(events.events)).not.toContain(opened.id);
  });

  it("keeps the stored case when scheduling its timers fails, and start() schedules it again", async () => {
    timers.failOpened = true;
    const opened = await service.desk.open(intake({ channel: "web", sessionId: "abc" }));
    expect((await store.get(opened.id))?.channel).toBe("web");
    expect(timers.openedIds).toEqual([]);
    timers.failOpened = false;
    await service.start();
    expect(timers.openedIds).toEqual([opened.id]);
  });

  it("tells a citizen the status of their own cases only, newest first", async () => {
    const first = await service.desk.open(intake());
    now = new Date(now.getTime() + 60_000);
    const second = await service.desk.open(intake());
    await service.desk.open(intake({ sessionId: "tg-99" }));
    const status = await service.desk.statusFor("telegram", "tg-42");
    expect(status.map((s) => s.id)).toEqual([second.id, first.id]);
    expect(await service.desk.statusFor("zalo", "tg-42")).toEqual([]);
  });

  it("anonymizes every case of a citizen who asks to forget them, audited as the citizen's request", async () => {
    const a = await service.desk.open(intake({ contactPreference: "phone", phone: "0912345678" }));
    const b = await service.desk.open(intake());
    const other = await service.desk.open(intake({ sessionId: "tg-7" }));
    expect(await service.desk.forget("telegram", "tg-42")).toBe(2);
    for (const id of [a.id, b.id]) {
      const c = await store.get(id);
      expect(c).toMatchObject({ description: "", citizenKey: "" });
      expect(c?.phone).toBeUndefined();
      expect((await store.audit(id)).at(-1)).toMatchObject({
        by: "citizen",
        action: "anonymized",
        detail: "citizen request",
      });
    }
    expect((await store.get(other.id))?.description).not.toBe("");
    expect(await service.desk.statusFor("telegram", "tg-42")).toEqual([]);
  });
});

describe("createCaseService: staff", () => {
  it("lets staff see open cases and their own, never a colleague's; supervisors see all", async () => {
    const open = await service.desk.open(intake());
    const held = await service.desk.open(intake());
    expect((await service.claim(minh, held.id)).ok).toBe(true);
    expect((await service.list(lan)).cases.map((c) => c.id)).toEqual([open.id]);
    expect(await service.view(lan, held.id)).toBeUndefined();
    expect((await service.view(minh, held.id))?.can).toMatchObject({
      reply: true,
      close: true,
      claim: false,
    });
    expect((await service.list(sup)).counts.total).toBe(2);
    expect((await service.view(sup, held.id))?.can.reply).toBe(true);
    await expect(service.reply(lan, held.id, "x")).rejects.toBeInstanceOf(CaseNotFoundError);
    await expect(service.reply(lan, open.id, "x")).rejects.toBeInstanceOf(CaseActionDeniedError);
    expect((await service.view(lan, open.id))?.can).toMatchObject({ claim: true, reply: false, note: false });
  });

  it("records a reply, marks the case answered, settles its timers and queues it to the citizen with a key", async () => {
    const { id } = await service.desk.open(intake());
    await service.claim(lan, id);
    now = new Date(now.getTime() + 3_600_000);
    const delivery = await service.reply(lan, id, "  Dạ, bạn mang giấy tờ đất đến UBND cấp xã nhé. ");
    expect(delivery.state).toBe("queued");
    expect(messenger.sent).toEqual([
      {
        channel: "telegram",
        conversationId: "tg-42",
        text: `Cán bộ trợ giúp pháp lý trả lời hồ sơ ${id}:\nDạ, bạn mang giấy tờ đất đến UBND cấp xã nhé.`,
        key: delivery.key,
      },
    ]);
    expect(timers.settledIds).toEqual([id]);
    await service.reply(lan, id, "Dạ, thêm một ý.");
    expect(events.events.map((e) => e.type)).toEqual(["created", "claimed", "first-reply", "replied"]);
    expect(events.events[2]).toMatchObject({ by: "lan", responseMs: 3_600_000 });
    messenger.states.set(delivery.key, "sent");
    const view = await service.view(lan, id);
    expect(view?.case.status).toBe("answered");
    expect(view?.deliveries[delivery.key]).toBe("sent");
    expect(view?.audit?.map((e) => `${e.by}:${e.action}`)).toEqual([
      "citizen:created",
      "lan:claimed",
      "lan:replied",
      "lan:replied",
    ]);
  });

  it("records but does not send a reply when the Zalo window is closed, and says to call", async () => {
    const { id } = await service.desk.open(
      intake({ channel: "zalo", sessionId: "zl-5", contactPreference: "phone", phone: "0912345678" }),
    );
    messenger.closedWindows.add("zl-5");
    await service.claim(lan, id);
    const delivery = await service.reply(lan, id, "Dạ, mình gọi bạn nhé.");
    expect(delivery.state).toBe("outside-window");
    expect(messenger.sent).toEqual([]);
    const view = await service.view(lan, id);
    expect(view).toMatchObject({
      chatOpen: false,
      chatNote: "Đã quá thời hạn nhắn lại qua Zalo, vui lòng gọi điện",
      deliveries: { [delivery.key]: "outside-window" },
    });
    expect(view?.case.phone).toBe("0912345678");
    // Nothing reached the citizen: the case is not answered and its SLA keeps running.
    expect(view?.case.status).toBe("claimed");
    expect(view?.case.firstResponseAt).toBeUndefined();
    expect((await store.audit(id)).at(-1)).toMatchObject({ by: "lan", action: "replied" });
  });

  it("opens one case per intake: the same intake sent twice, even at once, gives the same code and one event", async () => {
    const twice = await Promise.all([
      service.desk.open(intake({ sessionId: "tg-300", intakeId: "2026-11-26T02:00:00.000Z" })),
      service.desk.open(intake({ sessionId: "tg-300", intakeId: "2026-11-26T02:00:00.000Z" })),
    ]);
    expect(twice[0].id).toBe(twice[1].id);
    expect(events.events.filter((e) => e.type === "created")).toHaveLength(1);
    expect(await service.desk.statusFor("telegram", "tg-300")).toHaveLength(1);
    // A later intake of the same citizen is a new case.
    const next = await service.desk.open(
      intake({ sessionId: "tg-300", intakeId: "2026-11-26T05:00:00.000Z" }),
    );
    expect(next.id).not.toBe(twice[0].id);
  });

  it("tells a staff member who probes a colleague's old case code that it does not exist (404), not who holds it", async () => {
    const { id } = await service.desk.open(intake());
    await service.claim(lan, id);
    // Within the race window the loser is told who won.
    expect(await service.claim(minh, id)).toMatchObject({ ok: false, claimedBy: "lan" });
    now = new Date(now.getTime() + 5 * 60_000);
    await expect(service.claim(minh, id)).rejects.toBeInstanceOf(CaseNotFoundError);
  });

  it("closes a waiting case before anonymizing it when the citizen asks to delete their data", async () => {
    const { id } = await service.desk.open(intake({ sessionId: "tg-808" }));
    expect(await service.desk.forget("telegram", "tg-808")).toBe(1);
    const c = await store.get(id);
    expect(c?.status).toBe("closed");
    expect(c?.anonymizedAt).toBeDefined();
    expect((await service.list(lan)).cases.map((x) => x.id)).not.toContain(id);
    expect(messenger.forgotten).toEqual(["tg-808"]);
  });

  it("transfers only to an existing colleague; the old holder then cannot see the case", async () => {
    const { id } = await service.desk.open(intake());
    await service.claim(lan, id);
    await expect(service.transfer(lan, id, "nobody")).rejects.toMatchObject({ reason: "unknown-account" });
    await expect(service.transfer(minh, id, "minh")).rejects.toBeInstanceOf(CaseNotFoundError);
    await service.transfer(lan, id, "minh");
    expect(await service.view(lan, id)).toBeUndefined();
    expect((await service.view(minh, id))?.case.claimedBy).toBe("minh");
    expect((await store.audit(id)).at(-1)).toMatchObject({
      by: "lan",
      action: "transferred",
      detail: "lan -> minh",
    });
  });

  it("keeps internal notes off the citizen's chat", async () => {
    const { id } = await service.desk.open(intake());
    await service.claim(lan, id);
    await service.note(lan, id, "Gọi lại chiều nay.");
    expect(messenger.sent).toEqual([]);
    expect((await store.get(id))?.notes).toMatchObject([
      { kind: "note", by: "lan", text: "Gọi lại chiều nay." },
    ]);
  });

  it("closes with an outcome, asks the citizen for a rating and takes exactly one rating from them", async () => {
    await sessions.set("tg-42", { failedAttempts: 1, language: "vi" });
    const { id } = await service.desk.open(intake());
    await service.claim(lan, id);
    await service.close(lan, id, "answered");
    expect(messenger.sent.at(-1)?.text).toMatch(
      new RegExp(`^Dạ, hồ sơ ${id} của bạn đã được đóng. Bạn chấm điểm`),
    );
    expect(await sessions.get("tg-42")).toEqual({ failedAttempts: 1, language: "vi", pendingRating: id });
    expect(timers.settledIds).toContain(id);
    await expect(service.reply(lan, id, "x")).rejects.toMatchObject({ name: "CaseStateError" });
    expect(await service.desk.rate(id, 5, "telegram", "tg-99")).toBe(false);
    expect(await service.desk.rate(id, 9, "telegram", "tg-42")).toBe(false);
    expect(await service.desk.rate(id, 4, "telegram", "tg-42")).toBe(true);
    expect(await service.desk.rate(id, 5, "telegram", "tg-42")).toBe(false);
    expect(events.events.filter((e) => e.type === "closed" || e.type === "rated")).toMatchObject([
      { type: "closed", outcome: "answered", by: "lan" },
      { type: "rated", rating: 4 },
    ]);
  });
});
