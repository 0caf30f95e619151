// Snapshot bench (issue #19): the longest event-loop block while the app rebuilds its search snapshot
// after a publish (perf_hooks monitorEventLoopDelay), with the ranking built on the event loop as it
// was before and in a worker thread as now, and as a control the same searches with no rebuild (on a
// shared machine the OS alone delays the loop). Also the slowest search meanwhile, timed from when it
// was due. Own Meilisearch, the real corpus, a publish = the index rebuilt with one FAQ changed.
// Figures on stdout, the last line JSON.
//   node --import tsx src/cli/bench-snapshot.ts [--rounds 3]
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { Meilisearch } from "meilisearch";
import { type Faq, loadFaqs } from "../content/index.js";
import { normalize } from "../core/index.js";
import { sleep, startMeiliServer } from "../runtime/index.js";
import {
  buildIndex,
  LexicalIndex,
  loadIndexSettings,
  meiliFaqSearch,
  type RankedDoc,
} from "../search/index.js";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "3" } } });
const ROUNDS = Number(values.rounds);
const QUERY = normalize("ly hôn đơn phương cần giấy tờ gì");

const dataDir = await mkdtemp(path.join(os.tmpdir(), "tlpl-bench-snapshot-"));
const meili = await startMeiliServer({ dataDir });
const client = new Meilisearch({ host: meili.url, apiKey: meili.masterKey, timeout: 60_000 });
const alias = "bench_snapshot";
const settings = await loadIndexSettings(path.resolve("index-config"));
const published = (await loadFaqs(path.resolve("content"))).faqs.filter((f) => f.status === "published");
const marked = published[0] as Faq;
let publishes = 0;

/** A publish: the index rebuilt with one FAQ's variants changed, so the snapshot's revision changes. */
async function publish(): Promise<string> {
  const variant = `biến thể thử số ${++publishes}`;
  const changed = { ...marked, variants: [...marked.variants, variant] };
  await buildIndex(client, alias, [changed, ...published.slice(1)], settings);
  return variant;
}

const CONTROL = "no rebuild (control)";
const modes = {
  [CONTROL]: undefined,
  "ranking built on the event loop (before)": async (docs: RankedDoc[]) => LexicalIndex.build(docs),
  "ranking built in a worker thread (after)": undefined,
} as const;

interface Round {
  blockMs: number;
  slowestSearchMs: number;
  switchMs: number;
}

async function round(mode: keyof typeof modes): Promise<Round> {
  const search = meiliFaqSearch(client, alias, { buildLexical: modes[mode] });
  await search.search(QUERY, { limit: 3 });
  const variant = mode === CONTROL ? undefined : await publish();
  await sleep(1_100); // the snapshot ages; the next search starts the rebuild
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const started = performance.now();
  let slowest = 0;
  let due = started;
  // Citizens keep asking (one search every 10 ms) until the new snapshot answers (control: for 3 s).
  for (;;) {
    await search.search(QUERY, { limit: 3 });
    slowest = Math.max(slowest, performance.now() - due);
    const served = variant ? (await search.get(marked.id))?.variants?.includes(variant) : false;
    if (served || (!variant && performance.now() - started > 3_000)) break;
    if (performance.now() - started > 120_000) throw new Error("the new snapshot never served");
    due = performance.now() + 10;
    await sleep(10);
  }
  const switchMs = variant ? performance.now() - started : 0;
  await sleep(50);
  delay.disable();
  return { blockMs: delay.max / 1e6, slowestSearchMs: slowest, switchMs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const results: Record<
  string,
  { maxBlockMs: number; medianBlockMs: number; slowestSearchMs: number; medianSwitchMs: number }
> = {};
try {
  await publish();
  for (const mode of Object.keys(modes) as (keyof typeof modes)[]) {
    const rounds: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) rounds.push(await round(mode));
    const r = {
      maxBlockMs: Math.round(Math.max(...rounds.map((x) => x.blockMs))),
      medianBlockMs: Math.round(median(rounds.map((x) => x.blockMs))),
      slowestSearchMs: Math.round(Math.max(...rounds.map((x) => x.slowestSearchMs))),
      medianSwitchMs: Math.round(median(rounds.map((x) => x.switchMs))),
    };
    results[mode] = r;
    process.stdout.write(
      `${mode}: longest event-loop block ${r.maxBlockMs} ms (median of ${ROUNDS} rounds ${r.medianBlockMs} ms), ` +
        `slowest search meanwhile ${r.slowestSearchMs} ms` +
        `${mode === CONTROL ? "" : `, new snapshot serving after ${r.medianSwitchMs} ms (median)`}\n`,
    );
  }
  process.stdout.write(
    `${JSON.stringify({ bench: "snapshot", faqs: published.length, rounds: ROUNDS, results })}\n`,
  );
} finally {
  await meili.process?.stop();
  await rm(dataDir, { recursive: true, force: true });
}
