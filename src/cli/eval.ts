// `npm run eval`: runs the labeled questions through the engine and prints the scores.
//   --floors          exit 1 when a score falls below the floors CI enforces
//   --questions PATH  a .jsonl file or a folder of them (default test/eval/questions.jsonl; the blind
//                     set written without seeing the corpus is test/eval/blind-questions.jsonl)
//   --json PATH       where to write the report (default test/eval/report.json)
//   --floor KEY=N     this set's floor instead of the common one (repeatable); the held-out emergency sets
//                     written blind use it: their recall is guarded near today's level, the target is 100%
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { loadConfig } from "../config/index.js";
import {
  type CalibrationPoint,
  calibrate,
  localEngine,
  readJudgements,
  readQuestions,
  runEval,
  runExternal,
  summarize,
  tallyJudgements,
} from "../eval/index.js";

const { values } = parseArgs({
  options: {
    floors: { type: "boolean", default: false },
    floor: { type: "string", multiple: true, default: [] },
    questions: { type: "string" },
    json: { type: "string", default: "test/eval/report.json" },
    misses: { type: "string", default: "20" },
    calibrate: { type: "boolean", default: false },
    "max-wrong": { type: "string", default: "0.03" },
    "max-confident-wrong": { type: "string", default: "0.01" },
    external: { type: "string" },
    ranker: { type: "string", default: "bm25" },
    /** Comma-separated settings to leave at Meilisearch's defaults, to measure what each one does. */
    "meili-without": { type: "string", default: "" },
    /** A person's verdicts on confident external answers (one JSON line each: id, faqId, verdict, why). */
    judgements: { type: "string", default: "test/eval/external-judgements.jsonl" },
  },
});
/** Floors CI enforces (a regression fails); the targets are higher, see the README. */
const FLOORS = {
  top1: 90,
  top3: 97,
  answeredOutright: 75,
  outOfScopeDeclined: 95,
  outOfScopeFallback: 90,
  emergencyRecall: 100,
  emergencyNumbersShown: 100,
  escalationRouting: 90,
  aboutDeletingAnswered: 100,
  dangerWordsCalm: 90,
};
/** Ceilings, in percent of all answers: wrong answers with no right alternative offered, and all wrong answers. */
const CEILINGS = { confidentWrong: 1, wrongConfidentAnswers: 3 };

if (values.external) {
  const local = await localEngine(loadConfig({ ...process.env, LOG_LEVEL: "warn" }));
  try {
    const report = await runExternal(values.external, local.engine);
    const share = (n: number | undefined, of: number) => `${(((n ?? 0) / of) * 100).toFixed(1)}%`;
    const kinds = ["answer", "choices", "fallback", "escalate", "emergency"];
    const line = (d: Record<string, number>, n: number) =>
      kinds.map((k) => `${k} ${share(d[k], n)}`).join("  ");
    process.stdout.write(
      `external questions: ${report.questions}\nall: ${line(report.byKind, report.questions)}\n`,
    );
    for (const [domain, d] of Object.entries(report.byDomain).sort((a, b) => b[1].n - a[1].n)) {
      process.stdout.write(`  ${domain.padEnd(28)} n=${String(d.n).padStart(4)}  ${line(d, d.n)}\n`);
    }
    const tally = tallyJudgements(report.answers, await readJudgements(values.judgements));
    process.stdout.write(
      `confident answers: ${report.answers.length}; judged in ${values.judgements}: ${tally.right} right, ` +
        `${tally.partial} partial, ${tally.wrong} wrong; not yet judged: ${tally.unjudged.length}\n`,
    );
    await writeFile(
      "test/eval/external-report.json",
      `${JSON.stringify({ ...report, unjudged: tally.unjudged }, null, 2)}\n`,
    );
    process.stdout.write(
      "every confident answer (and those not yet judged) is in test/eval/external-report.json\n",
    );
  } finally {
    await local.close();
  }
  process.exit(0);
}

const source =
  values.questions ??
  (existsSync("test/eval/questions.jsonl") ? "test/eval/questions.jsonl" : "test/eval/parts");
const questions = await readQuestions(source);
const without = values["meili-without"].split(",").filter(Boolean);
const config = loadConfig({ ...process.env, LOG_LEVEL: "warn" });
const local = await localEngine(config, undefined, {
  ranker: values.ranker === "meilisearch" ? "meilisearch" : "bm25",
  settings: (settings) => Object.fromEntries(Object.entries(settings).filter(([k]) => !without.includes(k))),
});
try {
  const started = Date.now();
  const outcomes = await runEval(questions, local.engine, local.search, (done, total) => {
    if (process.stdout.isTTY) process.stdout.write(`\r${done}/${total}`);
  });
  if (process.stdout.isTTY) process.stdout.write("\n");
  const report = summarize(outcomes);
  const pct = (r: { rate: number; ok: number; n: number }) => `${r.rate.toFixed(1)}% (${r.ok}/${r.n})`;
  const lines = [
    `questions: ${report.questions} over ${local.documents} FAQs, ${Date.now() - started} ms`,
    `top-1 ................ ${pct(report.top1)}; one-topic questions only ${pct(report.top1OneTopic)}`,
    `top-3 ................ ${pct(report.top3)}`,
    `answered outright .... ${pct(report.answeredOutright)} of in-scope questions (right: ${pct(report.answeredCorrectly)})`,
    `clarified ............ ${report.clarified.n} of in-scope questions asked one question (right FAQ among its options: ${pct(report.clarified)})`,
    `confident-wrong ...... ${pct(report.confidentWrong)} of answers (wrong, no right FAQ offered after it)`,
    `wrong answers ........ ${pct(report.wrongConfidentAnswers)} of answers (first FAQ wrong, alternatives or not)`,
    `out-of-scope declined  ${pct(report.outOfScopeDeclined)} (fallback or escalate: ${pct(report.outOfScopeFallback)})`,
    `emergency recall ..... ${pct(report.emergencyRecall)}; numbers 113/114/115 shown ${pct(report.emergencyNumbersShown)}; false emergencies ${pct(report.falseEmergencies)}; danger words without alarm ${pct(report.dangerWordsCalm)}`,
    `escalation routing ... ${pct(report.escalationRouting)}`,
    `intents .............. ${pct(report.intents)}`,
    `about deleting, answered (not "delete my data") ${pct(report.aboutDeletingAnswered)}`,
    "by style:",
    ...Object.entries(report.byStyle).map(
      ([k, v]) => `  ${k.padEnd(15)} top-1 ${pct(v.top1)}  top-3 ${pct(v.top3)}`,
    ),
    "by topic:",
    ...Object.entries(report.byTopic).map(
      ([k, v]) => `  ${k.padEnd(20)} top-1 ${pct(v.top1)}  top-3 ${pct(v.top3)}`,
    ),
    `misses (first ${values.misses} of ${report.misses.length}):`,
    ...report.misses
      .slice(0, Number(values.misses))
      .map((m) => `  [${m.expected}] got ${m.got} ranked ${m.ranked.join(",")} :: ${m.text.slice(0, 100)}`),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  if (values.calibrate) {
    const c = calibrate(outcomes, config.engine, {
      maxWrong: Number(values["max-wrong"]),
      maxConfidentWrong: Number(values["max-confident-wrong"]),
    });
    const share = (x = 0) => `${(x * 100).toFixed(1)}%`;
    const point = (p?: CalibrationPoint) =>
      p
        ? `ANSWER_MIN_SCORE=${p.thresholds.answerMinScore} ANSWER_MIN_GAP=${p.thresholds.answerMinGap} ` +
          `ANSWER_MIN_COVERAGE=${p.thresholds.answerMinCoverage} ALTERNATIVES_MAX_RATIO=${p.thresholds.alternativesMaxRatio ?? "(none)"} ` +
          `ALTERNATIVES_COVERAGE_LEAD=${p.thresholds.alternativesCoverageLead ?? "(none)"} ` +
          `CHOICES_MIN_COVERAGE=${p.thresholds.choicesMinCoverage ?? 0}\n` +
          `           → ${share(p.answered)} answered (${share(p.correct)} right), ${share(p.wrong)} of answers wrong, ` +
          `${share(p.confidentWrong)} confident-wrong; out-of-scope to fallback ${share(p.outOfScopeFallback)}`
        : "none within the ceilings";
    process.stdout.write(
      `calibration (confident-wrong ≤ ${share(Number(values["max-confident-wrong"]))}, wrong ≤ ${share(Number(values["max-wrong"]))}, ≥ 90% out-of-scope to fallback):\n` +
        `  best:    ${point(c.best)}\n  current: ${point(c.current)}\n`,
    );
  }
  await writeFile(values.json, `${JSON.stringify(report, null, 2)}\n`);
  if (values.floors) {
    // A set without questions of a kind (the blind set has no out-of-scope ones) has no floor for it.
    const floors: Record<string, number> = { ...FLOORS };
    for (const setting of values.floor) {
      const [key = "", value = ""] = setting.split("=");
      if (!(key in FLOORS) || !Number.isFinite(Number(value)))
        throw new Error(`--floor ${setting}: expected KEY=N, KEY one of ${Object.keys(FLOORS).join(", ")}`);
      floors[key] = Number(value);
    }
    const below = Object.entries(floors).filter(([k, floor]) => {
      const r = report[k as keyof typeof report] as { rate: number; n: number };
      return r.n > 0 && r.rate < floor;
    });
    // Ceilings judge answers against expected FAQs; a set naming none (the emergency sets) has none to judge.
    for (const [k, ceiling] of report.top1.n > 0 ? Object.entries(CEILINGS) : []) {
      if (report[k as keyof typeof CEILINGS].rate > ceiling) below.push([`${k} >`, ceiling]);
    }
    if (below.length) {
      process.stderr.write(
        `Below the floor: ${below.map(([k, f]) => (String(k).endsWith(">") ? `${k} ${f}%` : `${k} < ${f}%`)).join(", ")}\n`,
      );
      process.exitCode = 1;
    }
  }
} finally {
  await local.close();
}
