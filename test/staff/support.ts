import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Redis } from "ioredis";
import { loadConfig } from "../../src/config/index.js";
import type { IntakeCase, SessionStore } from "../../src/core/index.js";
import {
  type CaseService,
  type CaseStore,
  createCaseService,
  redisCaseStore,
  StaffAccounts,
  type StaffRole,
} from "../../src/escalation/index.js";
import { createHttpApp } from "../../src/http/index.js";
import { staffRouter } from "../../src/http/staff/index.js";
import { createLogger } from "../../src/logging/index.js";
import { redisSessionStore } from "../../src/redis/index.js";
import { type HttpAnswer, readAnswer } from "../support/http-answer.js";
import { deleteKeys, randomName, redisClient } from "../support/services.js";
import { type FakeMessenger, type FakeTimers, fakeEvents, fakeMessenger, fakeTimers } from "./fakes.js";

export const PASSWORD = "mat-khau-dai-du-2026";

/** A logged-in client's cookie header and CSRF token. */
export interface StaffClient {
  readonly cookie: string;
  readonly csrf: string;
}

export type { HttpAnswer } from "../support/http-answer.js";

/** The staff router in the real HTTP app over the real Redis (random prefix), with fake timers/messenger/events. */
export interface StaffTestApp {
  readonly baseUrl: string;
  readonly redis: Redis;
  readonly prefix: string;
  readonly store: CaseStore;
  readonly accounts: StaffAccounts;
  readonly service: CaseService;
  readonly sessions: SessionStore;
  readonly timers: FakeTimers;
  readonly messenger: FakeMessenger;
  readonly events: ReturnType<typeof fakeEvents>;
  addUser(username: string, role?: StaffRole): Promise<void>;
  /** Logs in through the API and returns the session cookie and CSRF token. */
  login(username: string): Promise<StaffClient>;
  request(
    method: string,
    path: string,
    options?: {
      client?: StaffClient;
      json?: unknown;
      form?: Record<string, string>;
      headers?: Record<string, string>;
    },
  ): Promise<HttpAnswer>;
  openCase(overrides?: Partial<IntakeCase>): Promise<string>;
  close(): Promise<void>;
}

export function intake(overrides: Partial<IntakeCase> = {}): IntakeCase {
  return {
    channel: "telegram",
    sessionId: "tg-1001",
    reason: "ask-person",
    description: "Hàng xóm lấn sang đất nhà tôi, tôi cần hỏi cán bộ.",
    topic: "dat-dai",
    contactPreference: "chat",
    commune: "Xã Tân Lợi",
    eligibility: { hoNgheo: true },
    transcript: [{ role: "citizen", text: "tôi muốn gặp cán bộ", at: "2026-11-26T01:00:00.000Z" }],
    shownFaqIds: [],
    ...overrides,
  };
}

export async function startStaffApp(env: Record<string, string> = {}): Promise<StaffTestApp> {
  const prefix = randomName("staff");
  const config = loadConfig({ REDIS_PREFIX: prefix, STAFF_LOGIN_PER_MINUTE: "1000", ...env });
  const logger = createLogger("silent");
  const redis = redisClient();
  const clock = { now: () => new Date() };
  const store = redisCaseStore(redis, { prefix, clock });
  const accounts = new StaffAccounts(redis, {
    prefix,
    scryptCost: { N: 2 ** 10, r: 8, p: 1 },
    sessionTtlSeconds: config.staff.sessionTtlSeconds,
  });
  const timers = fakeTimers();
  const messenger = fakeMessenger();
  const events = fakeEvents();
  const sessions = redisSessionStore(redis, prefix, 600);
  const service = createCaseService({
    store,
    timers,
    messenger,
    events,
    sessions,
    hashId: (id) => `h_${Buffer.from(id).toString("hex")}`,
    clock,
    logger,
    accounts,
  });
  const app = createHttpApp({
    logger,
    probes: {},
    routers: [staffRouter({ service, accounts, redis, prefix, config, logger })],
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const request: StaffTestApp["request"] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.client) headers.cookie = options.client.cookie;
    let body: string | undefined;
    if (options.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.json);
    } else if (options.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(options.form).toString();
    }
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body, redirect: "manual" });
    return readAnswer(res);
  };

  return {
    baseUrl,
    redis,
    prefix,
    store,
    accounts,
    service,
    sessions,
    timers,
    messenger,
    events,
    async addUser(username, role = "staff") {
      await accounts.create({ username, role, password: PASSWORD });
    },
    async login(username) {
      const res = await request("POST", "/api/v1/staff/login", { json: { username, password: PASSWORD } });
      if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${res.text}`);
      const cookie = (res.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
      return { cookie, csrf: res.body.csrfToken };
    },
    request,
    async openCase(overrides) {
      return (await service.desk.open(intake(overrides))).id;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await deleteKeys(redis, prefix);
      await redis.quit();
    },
  };
}
