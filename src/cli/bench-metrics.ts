// Metrics bench: ingestion rate of usage, case and call events into the daily rollups, and the
// time to build the six-month report (and export it) over 1 000 000 events. Runs on its own random
// Redis prefix and deletes it after. Progress on stderr; figures on stdout, the last line JSON.
//   node --import tsx src/cli/bench-metrics.ts [--events 1000000] [--chunk 100000] [--redis redis://127.0.0.1:6379]
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { channelRegistry } from "../channels/index.js";
import { TOPIC_IDS } from "../content/topics.js";
import {
  CALL_OUTCOMES,
  createMetricsIngester,
  metricsKeys,
  REPORT_GROUPS,
  redisReports,
  reportToCsv,
  reportToXlsx,
} from "../metrics/index.js";
import { deleteKeysWithPrefix } from "../redis/index.js";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "1000000" },
    chunk: { type: "string", default: "100000" },
    redis: { type: "string", default: "redis://127.0.0.1:6379" },
  },
});
const TOTAL = Number(values.events);
const CHUNK = Number(values.chunk);
const H1_START = Date.parse("2025-12-31T17:00:00Z"); // 1 January 2026, 00:00 in Vietnam
const H1_MS = 181 * 86_400_000;

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;
const CHANNELS = channelRegistry.ids();
const KINDS = ["answer", "answer", "answer", "choices", "fallback", "escalate", "emergency"] as const;
const ART7 = ["treEm", "hoNgheo", "nguoiKhuyetTat", "nguoiCaoTuoi", "danTocThieuSoVungDbkk"] as const;
const CASE_TYPES = ["created", "claimed", "first-reply", "closed", "rated", "sla-breach"] as const;
const OUTCOMES = [
  "answered",
  "referred-to-legal-aid-procedure",
  "referred-elsewhere",
  "no-response",
] as const;
const SAMPLES = Array.from({ length: 500 }, (_, i) => `câu hỏi chưa có trả lời số ${i}`);

/** One random event in 2026 H1: 80% usage, 15% case, 5% call; returns its stream and JSON. */
function randomEvent(): [stream: "usage" | "case" | "call", json: string] {
  const atMs = H1_START + Math.floor(Math.random() * H1_MS);
  const at = new Date(atMs).toISOString();
  const r = Math.random();
  if (r < 0.8) {
    const kind = pick(KINDS);
    const feedback = Math.random() < 0.02;
    return [
      "usage",
      JSON.stringify({
        at,
        channel: pick(CHANNELS),
        session: `s${Math.floor(atMs / 86_400_000)}-${Math.floor(Math.random() * 1000)}`,
        kind: feedback ? "fallback" : kind,
        ...(feedback ? { intent: Math.random() < 0.7 ? "feedback-up" : "feedback-down" } : {}),
        topic: kind === "fallback" ? undefined : pick(TOPIC_IDS),
        language: "vi",
        latencyMs: 20,
        ...(kind === "choices" || kind === "fallback" ? { sample: pick(SAMPLES) } : {}),
      }),
    ];
  }
  if (r < 0.95) {
    const type = pick(CASE_TYPES);
    return [
      "case",
      JSON.stringify({
        at,
        type,
        caseId: "TGPL-2026-000001",
        channel: pick(CHANNELS),
        topic: pick(TOPIC_IDS),
        eligibility: "likely-eligible",
        groups: [pick(ART7)],
        ...(type === "first-reply" ? { responseMs: Math.floor(Math.random() * 8 * 3_600_000) } : {}),
        ...(type === "closed" ? { outcome: pick(OUTCOMES) } : {}),
        ...(type === "rated" ? { rating: 1 + Math.floor(Math.random() * 5) } : {}),
      }),
    ];
  }
  return [
    "call",
    JSON.stringify({
      at,
      durationSeconds: Math.floor(Math.random() * 600),
      topic: pick(TOPIC_IDS),
      callerGroup: pick(REPORT_GROUPS).id,
      outcome: pick(CALL_OUTCOMES).id,
      by: "bench",
      recordedAt: at,
    }),
  ];
}

function progress(done: number, total: number, note: string): void {
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(
    `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(Math.round((done / total) * 100)).padStart(3)}% ${note}   `,
  );
}

async function main(): Promise<void> {
  const redis = new Redis(values.redis, { maxRetriesPerRequest: 2 });
  const prefix = `bench_metrics_${randomBytes(4).toString("hex")}`;
  const streams = {
    usage: metricsKeys.usageStream(prefix),
    case: metricsKeys.caseStream(prefix),
    call: metricsKeys.callStream(prefix),
  };
  const ingester = createMetricsIngester({ redis, prefix, retentionDays: 3650, consumer: "bench" });
  let writeMs = 0;
  let ingestMs = 0;
  let applied = 0;
  let chatQuestions = 0;
  try {
    await ingester.drain(); // creates the consumer groups
    for (let done = 0; done < TOTAL; ) {
      const n = Math.min(CHUNK, TOTAL - done);
      let t = performance.now();
      for (let i = 0; i < n; i += 1000) {
        const pipeline = redis.pipeline();
        for (let j = i; j < Math.min(n, i + 1000); j++) {
          const [stream, json] = randomEvent();
          if (stream === "usage" && !json.includes('"feedback-')) chatQuestions++;
          pipeline.xadd(streams[stream], "*", "e", json);
        }
        await pipeline.exec();
      }
      writeMs += performance.now() - t;
      t = performance.now();
      applied += await ingester.drain();
      ingestMs += performance.now() - t;
      // Raw events are not needed once counted; dropping them keeps the bench's Redis memory small.
      for (const key of Object.values(streams)) await redis.xtrim(key, "MAXLEN", 0);
      done += n;
      progress(done, TOTAL, `${done} events, ingestion ${Math.round(done / (ingestMs / 1000))} events/s`);
    }
    process.stderr.write("\n");

    let t = performance.now();
    const reports = redisReports({ redis, prefix });
    const report = await reports.sixMonthReport(2026);
    const reportMs = performance.now() - t;
    t = performance.now();
    const xlsx = await reportToXlsx(report);
    const csv = reportToCsv(report);
    const exportMs = performance.now() - t;
    t = performance.now();
    await reports.dashboardData({ from: "2026-01-01", to: "2026-06-30" });
    const dashboardMs = performance.now() - t;

    const figures = {
      events: TOTAL,
      applied,
      ingestEventsPerSec: Math.round(TOTAL / (ingestMs / 1000)),
      xaddEventsPerSec: Math.round(TOTAL / (writeMs / 1000)),
      sixMonthReportMs: Math.round(reportMs),
      exportXlsxCsvMs: Math.round(exportMs),
      dashboardMs: Math.round(dashboardMs),
      xlsxBytes: xlsx.length,
      csvBytes: Buffer.byteLength(csv),
      reconciled: report.totals.chatQuestions === chatQuestions && applied === TOTAL,
    };
    console.log(
      `ingestion: ${figures.ingestEventsPerSec} events/s into rollups (target ≥ 5000); XADD ${figures.xaddEventsPerSec} events/s`,
    );
    console.log(
      `six-month report over ${TOTAL} events: ${figures.sixMonthReportMs} ms (target ≤ 5000); XLSX + CSV ${figures.exportXlsxCsvMs} ms; dashboard ${figures.dashboardMs} ms`,
    );
    console.log(
      `report chat questions ${report.totals.chatQuestions} = generated ${chatQuestions}: ${figures.reconciled}`,
    );
    console.log(JSON.stringify(figures));
  } finally {
    await ingester.stop();
    await deleteKeysWithPrefix(redis, prefix);
    await redis.quit();
  }
}

await main();
