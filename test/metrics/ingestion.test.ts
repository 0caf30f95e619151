import ExcelJS from "exceljs";
import type { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reportToHtml } from "../../src/http/metrics/index.js";
import {
  callLogInputSchema,
  createMetricsIngester,
  metricsKeys,
  redisCallLog,
  redisReports,
  reportToCsv,
  reportToXlsx,
} from "../../src/metrics/index.js";
import { XLSX_HEADER_ROW } from "../../src/metrics/report-xlsx.js";
import { deleteKeys, randomName, redisClient } from "../support/services.js";
import { xaddEvent } from "./seed-events.js";

/** Polls `check` every 20 ms until it holds; fails after `timeoutMs`. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("metrics ingestion", () => {
  let redis: Redis;
  let prefix: string;
  beforeEach(() => {
    redis = redisClient();
    prefix = randomName("metrics");
  });
  afterEach(async () => {
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it("records a hotline call with its note scrubbed and refuses a bad one with a Vietnamese message", async () => {
    const calls = redisCallLog({ redis, prefix, clock: () => new Date("2026-04-01T02:00:00Z") });
    await calls.record(
      {
        time: "2026-04-01T08:45:00+07:00",
        durationSeconds: 95,
        topic: "dat-dai",
        callerGroup: "poor-household",
        outcome: "answered",
        note: "Bà Lan, sđt 0912 345 678, CCCD 079203001234, mail lan@gmail.com",
      },
      "canbo1",
    );
    const entries = (await redis.xrange(metricsKeys.callStream(prefix), "-", "+")) as [string, string[]][];
    expect(entries).toHaveLength(1);
    const event = JSON.parse(entries[0]?.[1][1] ?? "{}");
    expect(event).toMatchObject({
      at: "2026-04-01T01:45:00.000Z",
      by: "canbo1",
      callerGroup: "poor-household",
    });
    expect(event.note).toBe("Bà Lan, sđt [số điện thoại], CCCD [số giấy tờ], mail [email]");

    const bad = callLogInputSchema.safeParse({
      time: "hôm qua",
      durationSeconds: -1,
      topic: "khong-co",
      callerGroup: "x",
      outcome: "y",
      note: "a".repeat(501),
    });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toContain("Thời gian cuộc gọi chưa đúng.");
    expect(messages).toContain("Bạn chọn nhóm người gọi.");
    expect(messages).toContain("Ghi chú tối đa 500 ký tự.");
  });

  it("keeps counting while running, and a logged call shows in the dashboard", async () => {
    const ingester = createMetricsIngester({ redis, prefix, retentionDays: 400, blockMs: 100 });
    await ingester.start();
    try {
      const reports = redisReports({ redis, prefix });
      await redisCallLog({ redis, prefix }).record(
        {
          time: "2026-05-02T03:00:00Z",
          durationSeconds: 60,
          topic: "lao-dong",
          callerGroup: "disability",
          outcome: "answered",
        },
        "canbo1",
      );
      await xaddEvent(redis, metricsKeys.usageStream(prefix), {
        at: "2026-05-02T04:00:00Z",
        channel: "zalo",
        session: "h1",
        kind: "fallback",
        intent: "no-match",
        language: "vi",
        latencyMs: 5,
        sample: "xin số 0987 654 321 của cán bộ",
      });
      const range = { from: "2026-05-01", to: "2026-05-31" };
      await eventually(async () => (await reports.dashboardData(range)).totals.contacts === 2);
      const all = await reports.dashboardData(range);
      expect(all.groups).toEqual([{ key: "disability", label: "Người khuyết tật", count: 1 }]);
      expect(all.topUnanswered).toEqual([{ sample: "xin số [số điện thoại] của cán bộ", count: 1 }]);
      expect(all.days.find((d) => d.day === "2026-05-02")).toMatchObject({ contacts: 2, calls: 1 });
      const phone = await reports.dashboardData({ ...range, channel: "phone" });
      expect(phone.totals).toMatchObject({ contacts: 1, calls: 1, chatQuestions: 0 });
      expect(phone.topUnanswered).toEqual([]);
      const zalo = await reports.dashboardData({ ...range, channel: "zalo" });
      expect(zalo.totals).toMatchObject({ contacts: 1, calls: 0 });
      expect(zalo.kinds.find((k) => k.key === "fallback")?.count).toBe(1);
    } finally {
      await ingester.stop();
    }
  });

  it("trims raw events past the retention period and keeps the rollups", async () => {
    const stream = metricsKeys.usageStream(prefix);
    const old = Date.parse("2025-01-01T00:00:00Z");
    for (let i = 0; i < 3; i++) {
      await redis.xadd(
        stream,
        `${old + i}-0`,
        "e",
        JSON.stringify({ at: new Date(old + i).toISOString(), channel: "web", kind: "answer", session: "s" }),
      );
    }
    await redis.xadd(
      stream,
      "*",
      "e",
      JSON.stringify({ at: new Date().toISOString(), channel: "web", kind: "answer", session: "s" }),
    );
    const ingester = createMetricsIngester({ redis, prefix, retentionDays: 30 });
    expect(await ingester.drain()).toBe(4);
    await ingester.trim(new Date());
    expect(await redis.xlen(stream)).toBe(1);
    const report = await redisReports({ redis, prefix }).buildReport({
      from: "2025-01-01",
      to: "2025-01-01",
    });
    expect(report.totals.chatQuestions).toBe(3);
  });

  it("caps the distinct unanswered samples kept per day", async () => {
    const stream = metricsKeys.usageStream(prefix);
    for (let i = 0; i < 5; i++) {
      await xaddEvent(redis, stream, {
        at: "2026-02-02T02:00:00Z",
        channel: "web",
        session: `s${i}`,
        kind: "fallback",
        sample: `câu hỏi ${i}`,
      });
    }
    await xaddEvent(redis, stream, {
      at: "2026-02-02T02:00:00Z",
      channel: "web",
      session: "s9",
      kind: "fallback",
      sample: "câu hỏi 0",
    });
    await createMetricsIngester({ redis, prefix, retentionDays: 30, sampleCap: 3 }).drain();
    const samples = await redis.hgetall(metricsKeys.samples(prefix, "2026-02-02"));
    expect(Object.keys(samples)).toHaveLength(3);
    expect(samples["web|câu hỏi 0"]).toBe("2");
    const day = await redis.hgetall(metricsKeys.day(prefix, "2026-02-02"));
    expect(day["u|web|khac|fallback"]).toBe("6");
    expect(day["s|web"]).toBe("6");
  });

  it("counts at most the per-session cap of one session's questions in an hour toward the totals and flags the session", async () => {
    const stream = metricsKeys.usageStream(prefix);
    const question = (session: string, minute: number) => ({
      at: `2026-03-03T02:${String(minute).padStart(2, "0")}:00Z`,
      channel: "web",
      session,
      kind: "answer",
      topic: "dat-dai",
    });
    // One session plants 50 questions in an hour; three people ask 2 each.
    for (let i = 0; i < 50; i++) await xaddEvent(redis, stream, question("planted", i));
    for (const person of ["a", "b", "c"])
      for (const m of [5, 6]) await xaddEvent(redis, stream, question(person, m));
    await createMetricsIngester({ redis, prefix, retentionDays: 30, questionsPerSessionHour: 10 }).drain();

    const report = await redisReports({ redis, prefix }).buildReport({
      from: "2026-03-03",
      to: "2026-03-03",
    });
    expect(report.totals.chatQuestions).toBe(10 + 6);
    expect(report.totals.contacts).toBe(10 + 6);
    expect(report.totals.excludedQuestions).toBe(40);
    expect(report.totals.flaggedSessions).toBe(1);
    // The per-session counters (keyed by the session hash the usage events already carry) expire.
    const keys = await redis.keys(`${prefix}:rollup:*`);
    for (const key of keys.filter((k) => k.includes("per-session")))
      expect(await redis.ttl(key)).toBeGreaterThan(0);
  });

  it("sets apart a network that rotates session ids past the per-address cap, and leaves other channels alone", async () => {
    const stream = metricsKeys.usageStream(prefix);
    const question = (channel: string, session: string, origin: string | undefined, minute: number) => ({
      at: `2026-03-04T03:${String(minute).padStart(2, "0")}:00Z`,
      channel,
      session,
      ...(origin ? { origin } : {}),
      kind: "answer",
      topic: "dat-dai",
    });
    // A script sends 50 questions from one network, a new session each time; a school room of 8 people
    // shares another network; 12 Zalo users arrive without a network (Zalo's servers deliver them).
    for (let i = 0; i < 50; i++)
      await xaddEvent(redis, stream, question("web", `bot-${i}`, "net-planted", i));
    for (let i = 0; i < 8; i++)
      await xaddEvent(redis, stream, question("web", `pupil-${i}`, "net-school", i));
    for (let i = 0; i < 12; i++) await xaddEvent(redis, stream, question("zalo", `zalo-${i}`, undefined, i));
    await createMetricsIngester({
      redis,
      prefix,
      retentionDays: 30,
      questionsPerSessionHour: 10,
      questionsPerAddressHour: 20,
    }).drain();

    const report = await redisReports({ redis, prefix }).buildReport({
      from: "2026-03-04",
      to: "2026-03-04",
    });
    expect(report.totals.chatQuestions).toBe(20 + 8 + 12);
    expect(report.totals.excludedQuestions).toBe(30);
    expect(report.totals.flaggedAddresses).toBe(1);
    expect(report.totals.flaggedSessions).toBe(0);
    const channels = report.tables.find((t) => t.id === "channels");
    expect(channels?.rows.find((r) => r.key === "zalo")?.values.contacts).toBe(12);
  });

  it("lists a day far above the fortnight before it, keeps it in the totals, and every export shows it", async () => {
    const stream = metricsKeys.usageStream(prefix);
    const at = (day: string, i: number) => `${day}T0${i % 10}:${String(i % 60).padStart(2, "0")}:00Z`;
    // 14 ordinary days of 5 questions (the last before the report's range), then a day of 120, each from
    // its own session so no hourly cap applies.
    for (let d = 1; d <= 14; d++)
      for (let i = 0; i < 5; i++)
        await xaddEvent(redis, stream, {
          at: at(`2026-05-${String(d).padStart(2, "0")}`, i),
          channel: "web",
          session: `d${d}-${i}`,
          kind: "answer",
        });
    for (let i = 0; i < 120; i++)
      await xaddEvent(redis, stream, {
        at: at("2026-05-15", i),
        channel: "web",
        session: `s15-${i}`,
        kind: "answer",
      });
    await createMetricsIngester({ redis, prefix, retentionDays: 400, questionsPerSessionHour: 10 }).drain();

    const report = await redisReports({ redis, prefix }).buildReport({
      from: "2026-05-15",
      to: "2026-05-16",
    });
    expect(report.totals.chatQuestions).toBe(120);
    expect(report.totals.unusualDays).toBe(1);
    const unusual = report.tables.find((t) => t.id === "unusual-days");
    expect(unusual?.rows).toEqual([
      { key: "2026-05-15", label: "15/05/2026 (thường khoảng 5 lượt/ngày)", values: { questions: 120 } },
    ]);

    const html = reportToHtml(report);
    expect(html).toContain("Ngày có lượt hỏi tăng đột biến");
    expect(html).toContain("15/05/2026 (thường khoảng 5 lượt/ngày)");
    expect(html).toContain("Địa chỉ mạng bị đánh dấu bất thường");
    const csv = reportToCsv(report);
    expect(csv).toContain("15/05/2026 (thường khoảng 5 lượt/ngày)");
    expect(csv).toContain("Ngày có lượt hỏi tăng đột biến (vẫn tính vào tổng, cần kiểm tra)");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await reportToXlsx(report)) as unknown as ArrayBuffer);
    expect(book.getWorksheet("Ngày tăng đột biến")?.getCell(XLSX_HEADER_ROW + 1, 1).value).toBe(
      "15/05/2026 (thường khoảng 5 lượt/ngày)",
    );
  });
});
