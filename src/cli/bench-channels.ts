// `npm run bench:channels`: the messenger channels under load, against local fakes of the platforms
// (test/support/fake-telegram.ts, fake-zalo.ts) and the built server in its own process.
// 1. Telegram: updates/s from the fake Bot API through long polling, the engine and the outbound
//    queue back to the fake (pacing raised: this measures our pipeline, not Telegram's 30 msg/s).
// 2. Zalo: webhook acknowledgement latency in bursts of 100 simultaneous signed deliveries and with 100
//    always in flight, while the inbound and outbound workers answer them. Deliveries are signed before
//    the clock starts and sent from a process of their own (webhook-load.ts); the same measurement of a
//    bare node server is printed first, as the floor of the setup on this machine. The web instance
//    only verifies, queues and acknowledges (QUEUE_WORKERS=false); the worker instance runs at a lower
//    CPU priority (`--worker-nice`, default 10), as the README advises for deployment: accepting a
//    citizen's message comes before answering it. `--worker-nice 0` measures equal priority.
//    Figures, then a JSON line.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { readQuestions } from "../eval/index.js";
import { deleteKeysWithPrefix } from "../redis/index.js";
import { freePort, startMeiliServer } from "../runtime/index.js";
import { latencySummary, rawPost, startWebhookLoad } from "./webhook-load.js";

const { values } = parseArgs({
  options: {
    updates: { type: "string", default: "3000" },
    chats: { type: "string", default: "500" },
    seconds: { type: "string", default: "8" },
    bursts: { type: "string", default: "20" },
    "warm-bursts": { type: "string", default: "20" },
    "worker-nice": { type: "string", default: "10" },
  },
});
const UPDATES = Number(values.updates);
const CHATS = Number(values.chats);
const SECONDS = Number(values.seconds);
const BURSTS = Number(values.bursts);
const WARM_BURSTS = Number(values["warm-bursts"]);
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

/** The floor server: reads each body, answers an empty 200, says "ready" once listening. */
const BARE_SERVER = `require("node:http").createServer((req, res) => {
  req.on("data", () => {}).on("end", () => res.writeHead(200, { "content-length": 0 }).end());
}).listen(Number(process.env.PORT), "127.0.0.1", () => process.stdout.write("ready"));`;

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
  // Deliveries are signed before the clock starts and written raw from a process of their own
  // (webhook-load.ts): the figure is the server's, as Zalo's servers (on other machines) would see it.
  let n = 0;
  const signedDelivery = (port: number) => {
    n += 1;
    const event = zaloTextEvent({
      appId: zalo.appId,
      userId: String(9_000_000 + (n % 1000)),
      text: pick(n),
      msgId: `bench${n}`,
    });
    const { body, headers } = zalo.sign(event);
    return rawPost({ host: `127.0.0.1:${port}`, path: "/webhooks/zalo", headers, body });
  };
  const deliveries = (port: number, count: number) =>
    Array.from({ length: count }, () => signedDelivery(port));

  /**
   * WARM_BURSTS uncounted bursts of 100 (a server that has been up a while: JIT warm, connections open),
   * then BURSTS counted ones, each after the last one's replies have gone out (`settled`), then 100
   * deliveries always in flight for SECONDS while the workers answer.
   */
  async function measureAcks(
    port: number,
    settled: (sent: number) => Promise<unknown>,
    /** Deliveries built per second of the sustained run: more than the server can take. */
    perSecond: number,
  ) {
    const load = await startWebhookLoad({ host: "127.0.0.1", port, connections: 100 });
    try {
      const burstMs: number[] = [];
      let burstFailures = 0;
      for (let round = -WARM_BURSTS; round < BURSTS; round++) {
        await settled(n);
        const run = await load.burst(deliveries(port, 100));
        if (round >= 0) {
          burstMs.push(...run.latencies);
          burstFailures += run.failures;
        }
      }
      // Running out ends the run early (and says so).
      const pool = deliveries(port, perSecond * SECONDS);
      const run = await load.sustain(pool, SECONDS);
      return {
        burst: {
          rounds: BURSTS,
          perRound: 100,
          warmUpRounds: WARM_BURSTS,
          acknowledged: burstMs.length,
          failures: burstFailures,
          ...latencySummary(burstMs),
        },
        sustained: {
          connections: 100,
          seconds: Number(run.seconds.toFixed(2)),
          acknowledged: run.latencies.length,
          failures: run.failures,
          perSecond: Math.round(run.latencies.length / run.seconds),
          ranOut: run.latencies.length + run.failures >= pool.length,
          ...latencySummary(run.latencies),
        },
      };
    } finally {
      await load.close();
    }
  }
  type AckFigures = Awaited<ReturnType<typeof measureAcks>>;
  const describe = (label: string, f: AckFigures) => {
    process.stdout.write(
      `${label}: ${f.burst.rounds} bursts of 100 simultaneous deliveries (after ${f.burst.warmUpRounds} uncounted): ` +
        `${f.burst.acknowledged}/${f.burst.rounds * 100} acknowledged, ack p50 ${f.burst.p50} ms p99 ${f.burst.p99} ms max ${f.burst.max} ms\n` +
        `${label}: 100 deliveries in flight for ${f.sustained.seconds} s: ${f.sustained.acknowledged} acknowledged ` +
        `(${f.sustained.perSecond}/s${f.sustained.ranOut ? ", ran out of deliveries" : ""}, ${f.sustained.failures} not 200), ` +
        `ack p50 ${f.sustained.p50} ms p99 ${f.sustained.p99} ms max ${f.sustained.max} ms\n`,
    );
  };

  // The floor of this measurement on this machine: a bare node server that reads the body and answers
  // 200, measured the same way before the real one (the workers are idle then).
  const floorPort = await freePort();
  const floorServer = spawn(process.execPath, ["-e", BARE_SERVER], {
    env: { ...process.env, PORT: String(floorPort) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const floor = await (async () => {
    try {
      await new Promise((resolve, reject) => {
        floorServer.stdout?.once("data", resolve);
        floorServer.once("exit", (code) => reject(new Error(`the floor server exited (${code})`)));
      });
      return await measureAcks(floorPort, async () => undefined, 30_000);
    } finally {
      floorServer.kill("SIGTERM");
    }
  })();
  describe("zalo floor (bare node server)", floor);

  // Every delivery to the web instance gets one reply; the floor's deliveries got none.
  const before = n - zalo.messageRequests;
  const acks = await measureAcks(
    webPort,
    (sent) => until(() => zalo.messageRequests >= sent - before, 30_000),
    // Three times the fastest acknowledgement rate seen here.
    20_000,
  );
  describe("zalo webhook", acks);

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
      ...acks,
      floor,
      workerNice: WORKER_NICE,
      targetP99Ms: 50,
      metSustained: acks.sustained.p99 <= 50 && acks.sustained.failures === 0,
      metBurst: acks.burst.p99 <= 50 && acks.burst.acknowledged === acks.burst.rounds * 100,
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
