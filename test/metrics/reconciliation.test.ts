import ExcelJS from "exceljs";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createMetricsIngester,
  type MetricsIngester,
  metricsKeys,
  type Report,
  type ReportTable,
  redisReports,
  reportToCsv,
  reportToXlsx,
  type StreamEntry,
} from "../../src/metrics/index.js";
import { XLSX_HEADER_ROW } from "../../src/metrics/report-xlsx.js";
import { deleteKeys, randomName, redisClient } from "../support/services.js";
import { csvTables, parseCsv, xlsxTables } from "./report-parsers.js";
import { seedEvents } from "./seed-events.js";

/** Rows with any non-zero number, by row key. */
function nonZero(table: ReportTable | undefined): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const r of table?.rows ?? [])
    if (Object.values(r.values).some((v) => v !== 0)) out[r.key] = { ...r.values };
  return out;
}

const tableOf = (report: Report, id: string) => report.tables.find((t) => t.id === id);

function expectTotalsAreSums(report: Report): void {
  for (const t of report.tables) {
    for (const c of t.columns) {
      const sum = t.rows.reduce((s, r) => s + (r.values[c.key] ?? 0), 0);
      expect(t.total[c.key], `${t.id}.${c.key}`).toBe(sum);
    }
  }
  const total = (id: string, col: string) => tableOf(report, id)?.total[col];
  expect(report.totals.contacts).toBe(total("channels", "contacts"));
  expect(report.totals.contacts).toBe(total("topics", "contacts"));
  expect(report.totals.contacts).toBe(total("months", "contacts"));
  expect(report.totals.conversations).toBe(total("channels", "conversations"));
  expect(report.totals.chatQuestions).toBe(total("kinds", "count"));
  expect(report.totals.chatQuestions).toBe(total("topics", "chat"));
  expect(report.totals.calls).toBe(total("groups", "calls"));
  expect(report.totals.calls).toBe(total("outcomes", "calls"));
  expect(report.totals.casesCreated).toBe(total("topics", "cases"));
  expect(report.totals.casesCreated).toBe(total("eligibility", "cases"));
  expect(report.totals.casesCreated).toBe(total("months", "casesCreated"));
  expect(report.totals.casesClosed).toBe(total("months", "casesClosed"));
  expect(report.totals.slaBreaches).toBe(total("months", "slaBreaches"));
  expect(report.satisfaction.ratingCount).toBe(total("ratings", "count"));
}

describe("reports reconcile with the seeded events", () => {
  let redis: Redis;
  let prefix: string;
  let ingester: MetricsIngester;
  let h1: Report;
  let h2: Report;

  beforeAll(async () => {
    redis = redisClient();
    prefix = randomName("metrics");
    await seedEvents(redis, prefix);
    ingester = createMetricsIngester({ redis, prefix, retentionDays: 400, consumer: "test-a" });
    await ingester.drain();
    const reports = redisReports({ redis, prefix, now: () => new Date("2027-01-05T00:00:00Z") });
    h1 = await reports.sixMonthReport(2026);
    h2 = await reports.buildReport({ from: "2026-07-01", to: "2026-12-31" });
  });

  afterAll(async () => {
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it("counts the first half of 2026 by Vietnamese day, per table", () => {
    expect(h1.totals).toEqual({
      contacts: 7,
      chatQuestions: 5,
      conversations: 7,
      calls: 2,
      callMinutes: 5,
      casesCreated: 2,
      casesClosed: 1,
      slaBreaches: 0,
      slaReminders: 1,
      excludedQuestions: 0,
      flaggedSessions: 0,
      flaggedAddresses: 0,
      unusualDays: 0,
    });
    expect(nonZero(tableOf(h1, "channels"))).toEqual({
      web: { contacts: 3, conversations: 3, cases: 1 },
      telegram: { contacts: 1, conversations: 1, cases: 1 },
      zalo: { contacts: 1, conversations: 1, cases: 0 },
      phone: { contacts: 2, conversations: 2, cases: 0 },
    });
    expect(nonZero(tableOf(h1, "topics"))).toEqual({
      "dat-dai": { chat: 2, calls: 1, contacts: 3, cases: 0 },
      "ho-tich": { chat: 1, calls: 0, contacts: 1, cases: 0 },
      "hon-nhan-gia-dinh": { chat: 1, calls: 0, contacts: 1, cases: 1 },
      khac: { chat: 1, calls: 1, contacts: 2, cases: 0 },
      "thua-ke": { chat: 0, calls: 0, contacts: 0, cases: 1 },
    });
    expect(nonZero(tableOf(h1, "groups"))).toEqual({
      child: { calls: 1, cases: 1, total: 2 },
      "poor-household": { calls: 0, cases: 1, total: 1 },
      disability: { calls: 0, cases: 1, total: 1 },
      other: { calls: 1, cases: 0, total: 1 },
    });
    expect(nonZero(tableOf(h1, "outcomes"))).toEqual({
      answered: { calls: 1, cases: 0, total: 1 },
      "referred-to-legal-aid-procedure": { calls: 0, cases: 1, total: 1 },
      "no-response": { calls: 1, cases: 0, total: 1 },
    });
    expect(nonZero(tableOf(h1, "kinds"))).toEqual({
      answer: { count: 2 },
      choices: { count: 1 },
      fallback: { count: 1 },
      escalate: { count: 1 },
    });
    expect(nonZero(tableOf(h1, "eligibility"))).toEqual({ "likely-eligible": { cases: 2 } });
    expect(nonZero(tableOf(h1, "months"))).toEqual({
      "2026-01": { chat: 3, calls: 1, contacts: 4, casesCreated: 0, casesClosed: 0, slaBreaches: 0 },
      "2026-02": { chat: 0, calls: 0, contacts: 0, casesCreated: 1, casesClosed: 0, slaBreaches: 0 },
      "2026-03": { chat: 1, calls: 0, contacts: 1, casesCreated: 1, casesClosed: 1, slaBreaches: 0 },
      "2026-05": { chat: 0, calls: 1, contacts: 1, casesCreated: 0, casesClosed: 0, slaBreaches: 0 },
      "2026-06": { chat: 1, calls: 0, contacts: 1, casesCreated: 0, casesClosed: 0, slaBreaches: 0 },
    });
    expect(tableOf(h1, "months")?.rows).toHaveLength(6);
    expect(nonZero(tableOf(h1, "ratings"))).toEqual({ "5": { count: 1 } });
    expect(h1.responseTimes).toEqual({ count: 1, medianMs: 3_600_000, p90Ms: 3_600_000 });
    expect(h1.satisfaction).toEqual({
      thumbsUp: 1,
      thumbsDown: 1,
      upRate: 0.5,
      ratingCount: 1,
      ratingSum: 5,
      ratingAverage: 5,
    });
    expectTotalsAreSums(h1);
  });

  it("puts 23:30 UTC on 30 June into 1 July and leaves 00:00 on 1 January 2027 out of 2026", () => {
    expect(h2.totals).toEqual({
      contacts: 4,
      chatQuestions: 2,
      conversations: 4,
      calls: 2,
      callMinutes: 12,
      casesCreated: 2,
      casesClosed: 2,
      slaBreaches: 1,
      slaReminders: 0,
      excludedQuestions: 0,
      flaggedSessions: 0,
      flaggedAddresses: 0,
      unusualDays: 0,
    });
    expect(nonZero(tableOf(h2, "channels"))).toEqual({
      web: { contacts: 1, conversations: 1, cases: 1 },
      telegram: { contacts: 1, conversations: 1, cases: 0 },
      zalo: { contacts: 0, conversations: 0, cases: 1 },
      phone: { contacts: 2, conversations: 2, cases: 0 },
    });
    expect(nonZero(tableOf(h2, "topics"))).toEqual({
      "dat-dai": { chat: 0, calls: 0, contacts: 0, cases: 1 },
      "lao-dong": { chat: 1, calls: 1, contacts: 2, cases: 1 },
      "hon-nhan-gia-dinh": { chat: 0, calls: 1, contacts: 1, cases: 0 },
      "thua-ke": { chat: 1, calls: 0, contacts: 1, cases: 0 },
    });
    expect(nonZero(tableOf(h2, "groups"))).toEqual({
      "ethnic-minority": { calls: 1, cases: 0, total: 1 },
      elderly: { calls: 1, cases: 0, total: 1 },
      none: { calls: 0, cases: 2, total: 2 },
    });
    expect(nonZero(tableOf(h2, "outcomes"))).toEqual({
      answered: { calls: 0, cases: 1, total: 1 },
      "referred-to-legal-aid-procedure": { calls: 1, cases: 0, total: 1 },
      "referred-elsewhere": { calls: 1, cases: 0, total: 1 },
      "no-response": { calls: 0, cases: 1, total: 1 },
    });
    expect(nonZero(tableOf(h2, "eligibility"))).toEqual({
      unclear: { cases: 1 },
      "not-listed": { cases: 1 },
    });
    expect(nonZero(tableOf(h2, "months"))).toEqual({
      "2026-07": { chat: 1, calls: 1, contacts: 2, casesCreated: 1, casesClosed: 1, slaBreaches: 1 },
      "2026-08": { chat: 0, calls: 0, contacts: 0, casesCreated: 1, casesClosed: 1, slaBreaches: 0 },
      "2026-09": { chat: 0, calls: 1, contacts: 1, casesCreated: 0, casesClosed: 0, slaBreaches: 0 },
      "2026-12": { chat: 1, calls: 0, contacts: 1, casesCreated: 0, casesClosed: 0, slaBreaches: 0 },
    });
    expect(h2.responseTimes).toEqual({ count: 2, medianMs: 1_800_000, p90Ms: 36_000_000 });
    expect(h2.satisfaction.ratingAverage).toBe(3);
    expect(h2.satisfaction.upRate).toBeNull();
    expectTotalsAreSums(h2);
  });

  it("gives an annual report equal to the two halves added, and 2027 its own event", async () => {
    const reports = redisReports({ redis, prefix });
    const year = await reports.annualReport(2026);
    for (const key of Object.keys(year.totals) as (keyof Report["totals"])[]) {
      if (key !== "callMinutes") expect(year.totals[key], key).toBe(h1.totals[key] + h2.totals[key]);
    }
    expect(year.responseTimes).toEqual({ count: 3, medianMs: 3_600_000, p90Ms: 36_000_000 });
    expectTotalsAreSums(year);
    const next = await reports.buildReport({ from: "2027-01-01", to: "2027-01-01" });
    expect(nonZero(tableOf(next, "kinds"))).toEqual({ emergency: { count: 1 } });
  });

  it("writes a CSV with a BOM whose sections give the same numbers and totals", () => {
    const csv = reportToCsv(h1);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const tables = csvTables(parseCsv(csv.slice(1)));
    expect(tables.size).toBe(h1.tables.length);
    for (const t of h1.tables) {
      const parsed = tables.get(t.title);
      expect(parsed, t.title).toBeDefined();
      expect(parsed?.header).toEqual(t.columns.map((c) => c.label));
      for (const r of t.rows)
        expect(parsed?.rows.get(r.label), r.label).toEqual(t.columns.map((c) => r.values[c.key]));
      const sums = t.columns.map((_, i) =>
        [...(parsed?.rows.values() ?? [])].reduce((s, r) => s + (r[i] ?? 0), 0),
      );
      expect(parsed?.total).toEqual(sums);
    }
    expect(tables.get("Lượt tiếp nhận theo kênh")?.rows.get("Điện thoại đường dây nóng")).toEqual([2, 2, 0]);
    // Semicolons and decimal commas, as Excel set to Vietnamese expects; the title and period first.
    expect(csv).toContain("Tổng lượt tiếp nhận (tin nhắn + điện thoại);7\r\n");
    expect(csv.split("\r\n")[0]).toBe(
      "\uFEFFBáo cáo kết quả tiếp nhận, giải đáp pháp luật từ ngày 01/01/2026 đến ngày 30/06/2026",
    );
    expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(csv).toMatch(/Thời gian phản hồi đầu tiên — trung vị \(phút, giờ làm việc\);\d+(,\d)?\r\n/);
  });

  it("writes a comma-separated CSV with decimal points when asked, with the same numbers", () => {
    const csv = reportToCsv(h1, "comma");
    const tables = csvTables(parseCsv(csv.slice(1), ","));
    expect(tables.size).toBe(h1.tables.length);
    expect(tables.get("Lượt tiếp nhận theo kênh")?.rows.get("Điện thoại đường dây nóng")).toEqual([2, 2, 0]);
    expect(csv).toContain("Tổng lượt tiếp nhận (tin nhắn + điện thoại),7\r\n");
  });

  it("writes an XLSX whose sheets give the same numbers, with bold headers and totals rows", async () => {
    const buffer = await reportToXlsx(h2);
    const tables = await xlsxTables(buffer);
    expect(tables.size).toBe(h2.tables.length);
    for (const t of h2.tables) {
      const parsed = [...tables.values()].find(
        (p) => p.rows.size === t.rows.length && p.header.join() === t.columns.map((c) => c.label).join(),
      );
      expect(parsed, t.id).toBeDefined();
      for (const r of t.rows)
        expect(parsed?.rows.get(r.label), `${t.id} ${r.label}`).toEqual(
          t.columns.map((c) => r.values[c.key]),
        );
      const sums = t.columns.map((_, i) =>
        [...(parsed?.rows.values() ?? [])].reduce((s, r) => s + (r[i] ?? 0), 0),
      );
      expect(parsed?.total).toEqual(sums);
    }
    expect(tables.get("Theo kênh")?.total).toEqual([4, 4, 2]);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Theo lĩnh vực pháp luật");
    // Title and period on top, then the bold header.
    expect(sheet?.getCell(1, 1).value).toBe("Theo lĩnh vực pháp luật");
    expect(sheet?.getCell(2, 1).value).toMatch(
      /^Từ ngày 01\/07\/2026 đến ngày 31\/12\/2026 · Lập ngày \d\d\/\d\d\/\d{4}$/,
    );
    expect(sheet?.getRow(XLSX_HEADER_ROW).font?.bold).toBe(true);
    const totalRow = sheet?.getRow((tableOf(h2, "topics")?.rows.length ?? 0) + XLSX_HEADER_ROW + 1);
    expect(totalRow?.getCell(1).value).toBe("Tổng cộng");
    expect(totalRow?.font?.bold).toBe(true);
    expect(sheet?.getColumn(1).width).toBeGreaterThanOrEqual(20);
    const summary = book.getWorksheet("Tổng hợp");
    expect(summary?.getCell(1, 1).value).toBe(
      "Báo cáo kết quả tiếp nhận, giải đáp pháp luật từ ngày 01/07/2026 đến ngày 31/12/2026",
    );
    expect(summary?.getRow(XLSX_HEADER_ROW + 1).values).toEqual([
      undefined,
      "Tổng lượt tiếp nhận (tin nhắn + điện thoại)",
      4,
    ]);
    // Every sheet name is whole (no word cut at 31 characters) and no label carries an emoji.
    const names = book.worksheets.map((w) => w.name);
    expect(names).toContain("Sàng lọc diện trợ giúp");
    for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
    for (const w of book.worksheets)
      w.eachRow((row) => expect(JSON.stringify(row.values)).not.toMatch(/\p{Extended_Pictographic}/u));
  });

  it("counts entries read twice only once (replay, crashed consumer, claimed entries)", async () => {
    const before = await redis.hgetall(metricsKeys.day(prefix, "2026-01-15"));
    const stream = metricsKeys.usageStream(prefix);
    const all = (await redis.xrange(stream, "-", "+")) as StreamEntry[];
    expect(await ingester.apply("usage", all)).toBe(0);
    expect(await ingester.drain()).toBe(0);
    expect(await redis.hgetall(metricsKeys.day(prefix, "2026-01-15"))).toEqual(before);

    // Consumer A reads a new entry and dies before counting it; B claims it and counts it once.
    await redis.xadd(
      stream,
      "*",
      "e",
      JSON.stringify({
        at: "2026-01-15T05:00:00Z",
        channel: "web",
        session: "s1",
        kind: "answer",
        topic: "dat-dai",
        language: "vi",
        latencyMs: 1,
      }),
    );
    const read = (await redis.xreadgroup(
      "GROUP",
      "metrics-rollup",
      "dead-a",
      "COUNT",
      10,
      "STREAMS",
      stream,
      ">",
    )) as [string, StreamEntry[]][];
    const entries = read[0]?.[1] ?? [];
    expect(entries).toHaveLength(1);
    const b = createMetricsIngester({
      redis,
      prefix,
      retentionDays: 400,
      consumer: "test-b",
      claimIdleMs: 0,
    });
    expect(await b.drain()).toBe(1);
    const a = createMetricsIngester({ redis, prefix, retentionDays: 400, consumer: "dead-a" });
    expect(await a.apply("usage", entries)).toBe(0);
    const after = await redis.hgetall(metricsKeys.day(prefix, "2026-01-15"));
    expect(Number(after["u|web|dat-dai|answer"])).toBe(Number(before["u|web|dat-dai|answer"]) + 1);
    // Same session, same day: still one conversation.
    expect(after["s|web"]).toBe(before["s|web"]);
  });
});
