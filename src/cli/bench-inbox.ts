// Inbox bench (issue #19): with N distinct unanswered questions in the usage stream (default 100 000,
// the shape anyone can plant through the public ask API), how long the admin inbox takes to answer,
// how long until it has read them all, and the slowest citizen ask meanwhile. The app runs in its
// own process as a web instance (QUEUE_WORKERS=false, as the README deploys web instances), with
// its own Meilisearch and Redis prefix, removed after. Figures on stdout, the last line JSON.
//   node --import tsx src/cli/bench-inbox.ts [--questions 100000]
import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { StaffAccounts } from "../escalation/index.js";
import { eventStreamKeys } from "../redis/index.js";
import { startMeiliServer } from "../runtime/index.js";
import { cleanUpBench, meanwhile, startBenchServer } from "./bench-server.js";

const { values } = parseArgs({ options: { questions: { type: "string", default: "100000" } } });
const QUESTIONS = Number(values.questions);
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const dataDir = await mkdtemp(path.join(os.tmpdir(), "tlpl-bench-inbox-"));
const meili = await startMeiliServer({ dataDir });
const prefix = `bench_inbox_${randomBytes(4).toString("hex")}`;
const redis = new Redis(redisUrl);
const server = await startBenchServer({
  dataDir,
  meili,
  prefix,
  entry: ["--import", "tsx", "src/main.ts"],
  extra: { SEARCH_TIMEOUT_MS: "30000", REDIS_URL: redisUrl, QUEUE_WORKERS: "false" },
});
const base = server.base;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const value = await fn();
  return [value, performance.now() - t];
}

try {
  await server.ready();
  await new StaffAccounts(redis, { prefix, sessionTtlSeconds: 3600 }).create({
    username: "bench.admin",
    password: "mat-khau-bench-dai",
    role: "admin",
  });
  const login = await fetch(`${base}/api/v1/staff/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "bench.admin", password: "mat-khau-bench-dai" }),
  });
  const cookie = (login.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
  if (!login.ok) throw new Error(`login answered ${login.status}`);

  // Warm up: the first questions read the corpus; the figures are about the inbox, not a cold start.
  for (let i = 0; i < 20; i++)
    await fetch(`${base}/api/v1/ask`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "ly hôn đơn phương cần giấy tờ gì", sessionId: `warm${i}` }),
    }).then((r) => r.text());
  process.stderr.write(`planting ${QUESTIONS} distinct unanswered questions…\n`);
  const key = eventStreamKeys.usage(prefix);
  const now = Date.now();
  for (let i = 0; i < QUESTIONS; i += 5000) {
    const pipe = redis.pipeline();
    for (let j = i; j < Math.min(QUESTIONS, i + 5000); j++) {
      const event = {
        at: new Date(now - (QUESTIONS - j) * 10).toISOString(),
        channel: "web",
        session: `s${j % 997}`,
        kind: j % 3 ? "fallback" : "choices",
        intent: "no-match",
        language: "vi",
        latencyMs: 5,
        sample: `câu hỏi ${j.toString(36)} về ${(j * 7919).toString(36)} ${(j * 104729).toString(36)}`,
      };
      pipe.xadd(key, "*", "e", JSON.stringify(event));
    }
    await pipe.exec();
  }

  // Citizens keep asking, one after another, while the admin opens the inbox.
  const ask = (i: number) =>
    fetch(`${base}/api/v1/ask`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "ly hôn đơn phương cần giấy tờ gì", sessionId: `c${i % 20}` }),
    }).then((r) => r.text());
  const inbox = () =>
    fetch(`${base}/api/v1/admin/inbox`, { headers: { cookie } }).then(async (r) => {
      if (!r.ok) throw new Error(`inbox answered ${r.status}: ${(await r.text()).slice(0, 300)}`);
      return r.json() as Promise<{ groups: unknown[]; catchingUp?: boolean; dropped?: number }>;
    });
  const {
    result: { firstMs, views, last, completeMs, warmMs },
    probeMs: asks,
  } = await meanwhile(ask, async () => {
    await sleep(300);
    const started = performance.now();
    const [first, firstMs] = await timed(inbox);
    const views: number[] = [firstMs];
    let last = first;
    while (last.catchingUp && performance.now() - started < 300_000) {
      const [view, ms] = await timed(inbox);
      views.push(ms);
      last = view;
    }
    const completeMs = performance.now() - started;
    const [, warmMs] = await timed(inbox);
    await sleep(300);
    return { firstMs, views, last, completeMs, warmMs };
  });

  const sorted = [...asks].sort((a, b) => a - b);
  const p = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  const maxView = Math.round(Math.max(...views));
  const maxAsk = Math.round(sorted.at(-1) ?? 0);
  process.stdout.write(
    `inbox with ${QUESTIONS} distinct questions: first view ${Math.round(firstMs)} ms, slowest view ${maxView} ms, ` +
      `all read after ${Math.round(completeMs)} ms (${views.length} views), then ${Math.round(warmMs)} ms; ` +
      `${last.groups.length} groups shown, ${last.dropped ?? 0} asked-once questions let go\n` +
      `citizen asks meanwhile: ${asks.length}, p50 ${p(0.5)} ms, p99 ${p(0.99)} ms, max ${maxAsk} ms\n`,
  );
  process.stdout.write(
    `${JSON.stringify({
      bench: "inbox",
      cores: os.cpus().length,
      questions: QUESTIONS,
      inbox: {
        firstMs: Math.round(firstMs),
        slowestMs: maxView,
        completeMs: Math.round(completeMs),
        warmMs: Math.round(warmMs),
      },
      asks: { n: asks.length, p50: p(0.5), p99: p(0.99), max: maxAsk },
      targets: {
        inboxWithin1s: { value: maxView, limit: 1000, met: maxView <= 1000 },
        askMaxWithin1s: { value: maxAsk, limit: 1000, met: maxAsk <= 1000 },
      },
    })}\n`,
  );
} finally {
  await cleanUpBench({ servers: [server], redis, prefix, meili, dataDir });
}
