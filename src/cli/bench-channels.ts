// `npm run bench:channels`: the messenger channels under load, against local fakes of the platforms
// (test/support/fake-telegram.ts, fake-zalo.ts) and the built server in its own process.
// 1. Telegram: updates/s from the fake Bot API through long polling, the engine and the outbound
//    queue back to the fake (pacing raised: this measures our pipeline, not Telegram's 30 msg/s).
// 2. Zalo: webhook acknowledgement latency with 100 signed deliveries always in flight (autocannon),
//    and in bursts of 100 at once, while the inbound and outbound workers answer them. The web instance
//    only verifies, queues and acknowledges (QUEUE_WORKERS=false); the worker instance runs at a lower
//    CPU priority (`--worker-nice`, default 10), as the README advises for deployment: accepting a
//    citizen's message comes before answering it. `--worker-nice 0` measures equal priority.
//    Figures, then a JSON line.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { Agent, request } from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { Redis } from "ioredis";
import { readQuestions } from "../eval/index.js";
import { deleteKeysWithPrefix } from "../redis/index.js";
import { freePort, startMeiliServer } from "../runtime/index.js";

const { values } = parseArgs({
  options: {
    updates: { type: "string", default: "3000" },
    chats: { type: "string", default: "500" },
    seconds: { type: "string", default: "8" },
    "worker-nice": { type: "string", default: "10" },
  },
});
const UPDATES = Number(values.updates);
const CHATS = Number(values.chats);
const SECONDS = Number(values.seconds);
const WORKER_NICE = Number(values["worker-nice"]);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// The fakes are test code: loaded at run time so the build never includes them.
interface FakeTelegram {
  apiRoot: string;
  token: string;
  sent: unknown[];
  sendText(chatId: number, text: string): number;
  close(): Promise<void>;
}
interface FakeZalo {
  appId: string;
  messageRequests: number;
  env(): Record<string, string>;
  sign(event: Record<string, unknown>): { body: string; headers: Record<string, string> };
  close(): Promise<void>;
}
const fakes = (file: string) => import(pathToFileURL(path.join(ROOT, "test/support", file)).href);
const { startFakeTelegram } = (await fakes("fake-telegram.ts")) as {
  startFakeTelegram: () => Promise<FakeTelegram>;
};
const { startFakeZalo, zaloTextEvent } = (await fakes("fake-zalo.ts")) as {
  startFakeZalo: () => Promise<FakeZalo>;
  zaloTextEvent: (o: {
    appId: string;
    userId: string;
    text: string;
    msgId?: string;
  }) => Record<string, unknown>;
};

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), "tlpl-bench-ch-"));
const meili = await startMeiliServer({ dataDir });
const telegram = await startFakeTelegram();
const zalo = await startFakeZalo();
const prefix = `benchch_${randomBytes(4).toString("hex")}`;
const port = await freePort();
process.stdout.write("building the server…\n");
execFileSync("npm", ["run", "build", "--silent"], { stdio: "inherit", cwd: ROOT });
const serverEnv = {
  ...process.env,
  NODE_ENV: "test",
  PORT: String(port),
  HOST: "127.0.0.1",
  LOG_LEVEL: "error",
  DATA_DIR: dataDir,
  MEILI_URL: meili.url,
  MEILI_MASTER_KEY: meili.masterKey,
  MEILI_INDEX: prefix,
  REDIS_PREFIX: prefix,
  TELEGRAM_BOT_TOKEN: telegram.token,
  TELEGRAM_API_ROOT: telegram.apiRoot,
  TELEGRAM_RATE_PER_SECOND: "100000",
  TELEGRAM_CHAT_INTERVAL_MS: "0",
  ...zalo.env(),
  ZALO_RATE_PER_SECOND: "100000",
};
// The worker instance: polls Telegram and runs every queue worker.
const server = spawn(
  WORKER_NICE ? "nice" : process.execPath,
  [...(WORKER_NICE ? ["-n", String(WORKER_NICE), process.execPath] : []), "dist/main.js"],
  {
    cwd: ROOT,
    env: serverEnv,
    stdio: ["ignore", "pipe", "inherit"],
  },
);
const base = `http://127.0.0.1:${port}`;
// The web instance Zalo posts to: it only verifies, enqueues and acknowledges (QUEUE_WORKERS=false),
// as a deployment would run it behind the load balancer.
const webPort = await freePort();
const web = spawn(process.execPath, ["dist/main.js"], {
  cwd: ROOT,
  env: {
    ...serverEnv,
    PORT: String(webPort),
    QUEUE_WORKERS: "false",
    TELEGRAM_BOT_TOKEN: "",
    REINDEX_ON_START: "false",
  },
  stdio: ["ignore", "pipe", "inherit"],
});
const webBase = `http://127.0.0.1:${webPort}`;

try {
  const ready = await (async () => {
    for (let i = 0; i < 600; i++) {
      const ok = await fetch(`${base}/health/ready`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  })();
  if (!ready) throw new Error("the server did not become ready");
  for (
    let i = 0;
    i < 600 &&
    !(await fetch(`${webBase}/health/ready`)
      .then((r) => r.ok)
      .catch(() => false));
    i++
  ) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const questions = (await readQuestions(path.join(ROOT, "test/eval/questions.jsonl")))
    .filter((q) => q.expectFaqId)
    .map((q) => q.text);
  const pick = (i: number) => questions[i % questions.length] as string;

  // --- Telegram: updates/s through polling → engine → outbound queue → sendMessage -----------
  const warm = 300;
  for (let i = 0; i < warm; i++) telegram.sendText(1_000_000 + (i % CHATS), pick(i));
  await until(() => telegram.sent.length >= warm, 60_000);
  const sentBefore = telegram.sent.length;
  const started = performance.now();
  for (let i = 0; i < UPDATES; i++) telegram.sendText(2_000_000 + (i % CHATS), pick(i + warm));
  const finished = await until(() => telegram.sent.length - sentBefore >= UPDATES, 120_000);
  const tgSeconds = (performance.now() - started) / 1000;
  const handled = Math.min(UPDATES, telegram.sent.length - sentBefore);
  const updatesPerSec = Math.round(handled / tgSeconds);
  process.stdout.write(
    `telegram: ${handled}/${UPDATES} updates from ${CHATS} chats answered in ${tgSeconds.toFixed(2)} s → ${updatesPerSec} updates/s${finished ? "" : " (timed out)"}\n`,
  );

  // --- Zalo: webhook acknowledgement ---------------------------------------------------------
  let n = 0;
  const signedDelivery = () => {
    n += 1;
    const event = zaloTextEvent({
      appId: zalo.appId,
      userId: String(9_000_000 + (n % 1000)),
      text: pick(n),
      msgId: `bench${n}`,
    });
    return zalo.sign(event);
  };
  // Bursts: 100 deliveries at the same instant, 20 times, after one warm-up burst that is not counted
  // (it opens the 100 connections and warms the server's JIT); before each, the replies of the last
  // burst have gone out (the queue is drained), as between real bursts of citizens' messages. Sent
  // with node's http client on kept-alive connections: fetch's own overhead here was larger than
  // the server's, which measured the client.
  const agent = new Agent({ keepAlive: true, maxSockets: 100 });
  const post = (delivery: { body: string; headers: Record<string, string> }) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        `${webBase}/webhooks/zalo`,
        {
          method: "POST",
          agent,
          headers: { ...delivery.headers, "content-length": Buffer.byteLength(delivery.body) },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", reject);
      req.end(delivery.body);
    });
  const burstLatencies: number[] = [];
  for (let round = 0; round <= 20; round++) {
    const sentSoFar = n;
    await until(() => zalo.messageRequests >= sentSoFar, 30_000);
    const latencies = await Promise.all(
      Array.from({ length: 100 }, async () => {
        const delivery = signedDelivery();
        const t0 = performance.now();
        const status = await post(delivery);
        return status === 200 ? performance.now() - t0 : undefined;
      }),
    );
    if (round > 0) for (const l of latencies) if (l !== undefined) burstLatencies.push(l);
  }
  agent.destroy();
  burstLatencies.sort((x, y) => x - y);
  const pct = (q: number) =>
    Math.round(
      burstLatencies[Math.min(burstLatencies.length - 1, Math.floor(q * burstLatencies.length))] ?? 0,
    );
  const burst = {
    rounds: 20,
    perRound: 100,
    acknowledged: burstLatencies.length,
    p50: pct(0.5),
    p99: pct(0.99),
  };
  process.stdout.write(
    `zalo: 20 bursts of 100 simultaneous deliveries: ${burst.acknowledged}/2000 acknowledged, ack p50 ${burst.p50} ms p99 ${burst.p99} ms\n`,
  );

  // 100 deliveries always in flight (each connection sends the next as soon as one is acknowledged)
  // for SECONDS, while the workers answer every event on the same two cores.
  const result = await autocannon({
    url: `${webBase}/webhooks/zalo`,
    connections: 100,
    duration: SECONDS,
    method: "POST",
    requests: [{ setupRequest: (req) => ({ ...req, ...signedDelivery() }) }],
  });
  const sustained = {
    connections: 100,
    requests: result.requests.total,
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
  process.stdout.write(
    `zalo: 100 concurrent deliveries for ${SECONDS} s: ${sustained.requests} acknowledged, ${sustained.reqPerSec}/s, ack p50 ${sustained.p50} ms p99 ${sustained.p99} ms (errors ${sustained.errors}, non-2xx ${sustained.non2xx})\n`,
  );

  const summary = {
    bench: "channels",
    cores: os.cpus().length,
    telegram: {
      updates: UPDATES,
      chats: CHATS,
      handled,
      seconds: Number(tgSeconds.toFixed(2)),
      updatesPerSec,
      target: 300,
      met: finished && updatesPerSec >= 300,
    },
    zalo: {
      sustained,
      burst,
      workerNice: WORKER_NICE,
      targetP99Ms: 50,
      metSustained: sustained.p99 <= 50 && sustained.errors === 0 && sustained.non2xx === 0,
      metBurst: burst.p99 <= 50 && burst.acknowledged === 2000,
    },
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} finally {
  web.kill("SIGTERM");
  server.kill("SIGTERM");
  await Promise.all([new Promise((r) => server.once("exit", r)), new Promise((r) => web.once("exit", r))]);
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  await deleteKeysWithPrefix(redis, prefix);
  redis.disconnect();
  await telegram.close();
  await zalo.close();
  await meili.process?.stop();
  await rm(dataDir, { recursive: true, force: true });
}
