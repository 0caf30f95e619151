// `npm run bench:cases`: legal-aid cases at volume. Opens 10 000 cases through the engine's case
// desk (the same code a citizen's "gửi" runs: durable write, SLA timers, event), then measures the
// staff queue (JSON API and HTML page) with all of them open, and runs the SIGKILL durability loop.
// Figures are printed; the last line is JSON.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { Meilisearch } from "meilisearch";
import { createApp } from "../app.js";
import { channelRegistry } from "../channels/index.js";
import { loadConfig } from "../config/index.js";
import { TOPICS } from "../content/index.js";
import type { IntakeCase } from "../core/index.js";
import { createLogger } from "../logging/index.js";
import { deleteKeysWithPrefix } from "../redis/index.js";

const { values } = parseArgs({
  options: {
    cases: { type: "string", default: "10000" },
    samples: { type: "string", default: "200" },
    "durability-runs": { type: "string", default: "50" },
  },
});
const CASES = Number(values.cases);
const SAMPLES = Number(values.samples);
const DURABILITY_RUNS = Number(values["durability-runs"]);

function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, i)] ?? 0) * 10) / 10;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

function progress(label: string, done: number, total: number): void {
  if (!process.stdout.isTTY && done !== total && done % Math.ceil(total / 10) !== 0) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stdout.write(
    `\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}${done === total ? "\n" : process.stdout.isTTY ? "" : "\n"}`,
  );
}

const CHANNELS = channelRegistry.ids();

function intakeCase(i: number): IntakeCase {
  const at = new Date().toISOString();
  return {
    channel: CHANNELS[i % CHANNELS.length] ?? "web",
    sessionId: `bench-${i}`,
    reason: "ask-person",
    description: `Vụ việc thử số ${i}: tranh chấp ranh giới đất với nhà bên cạnh, đã hòa giải ở thôn nhưng không thành.`,
    topic: TOPICS[i % TOPICS.length]?.id ?? "dat-dai",
    contactPreference: i % 4 === 0 ? "phone" : "chat",
    phone: i % 4 === 0 ? `09${String(10_000_000 + i).slice(-8)}` : undefined,
    commune: `xã Thử ${i % 40}`,
    eligibility: i % 5 === 0 ? { hoNgheo: true } : {},
    transcript: [
      { role: "citizen", text: "tôi muốn gặp cán bộ", at },
      { role: "bot", text: "Dạ, bạn có đồng ý …", at },
    ],
    shownFaqIds: [],
  };
}

const prefix = `benchcases_${randomBytes(4).toString("hex")}`;
const config = loadConfig({
  ...process.env,
  REDIS_PREFIX: prefix,
  MEILI_URL: "http://127.0.0.1:9",
  LOG_LEVEL: "silent",
  STAFF_LOGIN_PER_MINUTE: "1000",
});
const redis = new Redis(config.redis.url, { enableAutoPipelining: true });
const built = await createApp({
  config,
  logger: createLogger("silent"),
  redis,
  meili: new Meilisearch({ host: "http://127.0.0.1:9" }),
});
const server: Server = await new Promise((resolve) => {
  const s = built.app.listen(0, "127.0.0.1", () => resolve(s));
});
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

try {
  // 1. Case creation, one at a time as citizens send them (durable write + timers + event).
  const create: number[] = [];
  for (let i = 0; i < CASES; i++) {
    const t = performance.now();
    await built.cases.desk.open(intakeCase(i));
    create.push(performance.now() - t);
    progress("opening cases   ", i + 1, CASES);
  }
  const creation = stats(create);
  process.stdout.write(
    `case creation (${CASES}, one at a time): p50 ${creation.p50} ms, p95 ${creation.p95} ms, p99 ${creation.p99} ms\n`,
  );

  // 2. The queue page with every case open, as a supervisor (sees all) and as staff.
  await built.accounts.create({ username: "bench.sup", password: "mat-khau-bench-1", role: "supervisor" });
  const login = await fetch(`${base}/api/v1/staff/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "bench.sup", password: "mat-khau-bench-1" }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  async function measure(label: string, path: string) {
    const samples: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const t = performance.now();
      const res = await fetch(`${base}${path}`, { headers: { cookie } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      samples.push(performance.now() - t);
      progress(label, i + 1, SAMPLES);
    }
    return stats(samples);
  }
  const apiQueue = await measure("queue API       ", "/api/v1/staff/cases");
  const pageQueue = await measure("queue page      ", "/staff/cases");
  const filtered = await measure("filtered page   ", "/staff/cases?topic=dat-dai&overdue=true");
  process.stdout.write(
    `queue with ${CASES} open cases — JSON API p50 ${apiQueue.p50} ms p95 ${apiQueue.p95} ms; HTML page p50 ${pageQueue.p50} ms p95 ${pageQueue.p95} ms; filtered page p95 ${filtered.p95} ms (target p95 ≤ 200 ms)\n`,
  );

  // 3. SIGKILL right after the acknowledgement, DURABILITY_RUNS times (the test file, at full count).
  let durability: { runs: number; passed: boolean; seconds: number } | undefined;
  if (DURABILITY_RUNS > 0) {
    process.stdout.write(
      `durability loop: ${DURABILITY_RUNS} SIGKILLs right after a case is acknowledged…\n`,
    );
    const t = performance.now();
    let passed = true;
    try {
      execFileSync("npx", ["vitest", "run", "test/escalation/case-durability.test.ts"], {
        stdio: "inherit",
        env: { ...process.env, CASE_DURABILITY_RUNS: String(DURABILITY_RUNS) },
      });
    } catch {
      passed = false;
    }
    durability = { runs: DURABILITY_RUNS, passed, seconds: Math.round((performance.now() - t) / 1000) };
    process.stdout.write(
      `durability: ${passed ? "no acknowledged case lost" : "FAILED"} in ${DURABILITY_RUNS} runs (${durability.seconds} s)\n`,
    );
  }

  const summary = {
    bench: "cases",
    cores: os.cpus().length,
    cases: CASES,
    creationMs: creation,
    queueApiMs: apiQueue,
    queuePageMs: pageQueue,
    filteredPageMs: filtered,
    durability,
    targets: { queuePageP95: { value: pageQueue.p95, target: 200, met: pageQueue.p95 <= 200 } },
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} finally {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await built.close();
  await deleteKeysWithPrefix(redis, prefix);
  redis.disconnect();
}
