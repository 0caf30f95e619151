// Restart bench (issue #19): kill -9 during a publish, then restart; how long until /health/ready is
// 200 and until an ask is answered, five times (median). The built server (dist/main.js, as
// `npm start` runs it) with its own Meilisearch (as in production, a separate process that outlives
// the app) and Redis prefix, removed after. A publish = an admin edits a FAQ and a second admin
// approves it through the admin API; the app is SIGKILLed as soon as it holds the index-build lock.
// Figures on stdout, the last line JSON.
//   node --import tsx src/cli/bench-restart.ts [--rounds 5]
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { StaffAccounts } from "../escalation/index.js";
import { redisKeys } from "../redis/index.js";
import { freePort, sleep, startMeiliServer } from "../runtime/index.js";
import { type BenchServer, cleanUpBench, startBenchServer } from "./bench-server.js";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "5" } } });
const ROUNDS = Number(values.rounds);
const FAQ_ID = "tgpl-ai-duoc-huong";
const PASSWORD = "bench-mat-khau-2026";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const dataDir = await mkdtemp(path.join(os.tmpdir(), "tlpl-bench-restart-"));
const meili = await startMeiliServer({ dataDir });
const prefix = `bench_restart_${randomBytes(4).toString("hex")}`;
const lockKey = redisKeys.lock(prefix, `index:${prefix}`);
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
process.stderr.write("building the server…\n");
execFileSync("npm", ["run", "build", "--silent"], { stdio: "inherit" });
// After the build: it blocks this process, and a connection opened before it times out.
const redis = new Redis(redisUrl);

/** The built server on a fixed port (a restart comes back at the same address); `stages` its start-up log lines. */
async function startServer(): Promise<{ server: BenchServer; stages: Record<string, number> }> {
  const stages: Record<string, number> = {};
  let rest = "";
  const server = await startBenchServer({
    dataDir,
    meili,
    prefix,
    port,
    extra: { LOG_LEVEL: "info", REDIS_URL: redisUrl },
    onStdout: (chunk) => {
      const lines = (rest + chunk.toString("utf8")).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) {
        const entry = JSON.parse(line.startsWith("{") ? line : "{}") as { stage?: string; ms?: number };
        if (entry.stage && entry.ms !== undefined) stages[entry.stage] = entry.ms;
      }
    },
  });
  return { server, stages };
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const ready = () => fetch(`${base}/health/ready`).then((r) => r.status === 200);
async function ask(
  question: string,
): Promise<{ status: number; kind?: string; faqId?: string; text?: string }> {
  const res = await fetch(`${base}/api/v1/ask`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text: question, sessionId: `restart${Date.now()}` }),
  });
  return { status: res.status, ...((await res.json()) as { kind?: string; faqId?: string; text?: string }) };
}
async function answered(question: string): Promise<boolean> {
  const body = await ask(question);
  return body.status === 200 && body.kind === "answer" && body.faqId === FAQ_ID;
}

async function login(username: string) {
  const res = await fetch(`${base}/api/v1/staff/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login of ${username}: ${res.status}`);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "", csrf: body.csrfToken };
}

type Client = Awaited<ReturnType<typeof login>>;
const send = (method: string, url: string, client: Client, json: unknown, headers = {}) =>
  fetch(`${base}/api/v1/admin${url}`, {
    method,
    headers: {
      "content-type": "application/json",
      cookie: client.cookie,
      "x-csrf-token": client.csrf,
      ...headers,
    },
    body: JSON.stringify(json),
  });

const marker = (round: number) => `Ghi chú thử khởi động lại ${round}.`;

/** Edits the FAQ and submits it as one admin; the returned call approves it as another (a publish). */
async function preparePublish(round: number): Promise<() => Promise<Response>> {
  const [editor, reviewer] = [await login("qt.restart.a"), await login("qt.restart.b")];
  const loaded = (await (
    await fetch(`${base}/api/v1/admin/faqs/${FAQ_ID}`, { headers: { cookie: editor.cookie } })
  ).json()) as { version: string; faq: { answer: string } };
  const faq = { ...loaded.faq, answer: `${loaded.faq.answer}\n\n${marker(round)}` };
  const saved = await send("PUT", `/faqs/${FAQ_ID}`, editor, faq, { "if-match": `"${loaded.version}"` });
  if (!saved.ok) throw new Error(`edit: ${saved.status} ${await saved.text()}`);
  const submitted = await send("POST", `/faqs/${FAQ_ID}/submit`, editor, {});
  if (!submitted.ok) throw new Error(`submit: ${submitted.status} ${await submitted.text()}`);
  return () => send("POST", `/faqs/${FAQ_ID}/approve`, reviewer, {});
}

interface Round {
  stages: Record<string, number>;
  readyMs: number;
  answeredMs: number;
  /** The publish was cut short (the approve had not answered when the process died). */
  midPublish: boolean;
  /** After the restart citizens get the text whose publish was cut short (the start-up reindex finished it). */
  publishKept: boolean;
}

let { server, stages } = await startServer();
const rounds: Round[] = [];
try {
  const accounts = new StaffAccounts(redis, { prefix, sessionTtlSeconds: 3600 });
  for (const username of ["qt.restart.a", "qt.restart.b"])
    await accounts.create({ username, password: PASSWORD, role: "admin" });
  process.stderr.write("first start (builds the index)…\n");
  await until(ready, 300_000, "the first start");
  const question = await fetch(`${base}/api/v1/faqs/${FAQ_ID}`)
    .then((r) => r.json() as Promise<{ question: string }>)
    .then((f) => f.question);
  for (let i = 1; i <= ROUNDS; i++) {
    const approve = await preparePublish(i);
    let approvedFirst = false;
    const pending = approve().then(
      () => {
        approvedFirst = true;
      },
      () => {},
    );
    // kill -9 as soon as the publish holds the index-build lock, i.e. while it writes the index.
    await until(async () => (await redis.exists(lockKey)) === 1, 30_000, "the publish to start");
    server.process.kill("SIGKILL");
    await server.stop();
    await pending;
    const started = performance.now();
    ({ server, stages } = await startServer());
    await until(ready, 120_000, "ready after the restart");
    const readyMs = performance.now() - started;
    await until(() => answered(question), 120_000, "an answer after the restart");
    const answeredMs = performance.now() - started;
    // The start-up reindex finishes the interrupted publish before the next round publishes again
    // (and before its stage time is printed).
    await until(async () => (await redis.exists(lockKey)) === 0, 120_000, "the start-up reindex");
    const publishKept = await until(
      async () => (await ask(question)).text?.includes(marker(i)) === true,
      30_000,
      "the interrupted publish",
    ).then(
      () => true,
      () => false,
    );
    rounds.push({ readyMs, answeredMs, midPublish: !approvedFirst, publishKept, stages });
    process.stdout.write(
      `round ${i}: ready ${Math.round(readyMs)} ms, answered ${Math.round(answeredMs)} ms after the restart` +
        `${approvedFirst ? " (the publish had answered before the kill)" : ""}` +
        `${publishKept ? ", the interrupted publish served" : ", THE INTERRUPTED PUBLISH IS NOT SERVED"}; start-up stages (ms) ` +
        `${JSON.stringify(stages)}\n`,
    );
  }
  const result = {
    bench: "restart",
    rounds: ROUNDS,
    medianReadyMs: Math.round(median(rounds.map((r) => r.readyMs))),
    medianAnsweredMs: Math.round(median(rounds.map((r) => r.answeredMs))),
    maxReadyMs: Math.round(Math.max(...rounds.map((r) => r.readyMs))),
    midPublish: rounds.filter((r) => r.midPublish).length,
    publishKept: rounds.filter((r) => r.publishKept).length,
    readyMs: rounds.map((r) => Math.round(r.readyMs)),
  };
  process.stdout.write(
    `kill -9 during a publish, then restart (${ROUNDS} times): ready after ${result.medianReadyMs} ms, ` +
      `an ask answered after ${result.medianAnsweredMs} ms (medians; slowest ready ${result.maxReadyMs} ms); ` +
      `${result.midPublish} of ${ROUNDS} kills landed before the publish answered; ` +
      `${result.publishKept} of ${ROUNDS} interrupted publishes served after the restart\n`,
  );
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await cleanUpBench({ servers: [server], redis, prefix, meili, dataDir });
}
