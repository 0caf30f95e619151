// `npm run eval`: runs the labeled questions through the engine and prints the scores.
//   --floors          exit 1 when a score falls below the floors CI enforces
//   --questions PATH  a .jsonl file or a folder of them (default test/eval/questions.jsonl)
//   --json PATH       where to write the report (default test/eval/report.json)
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { loadConfig } from "../config/index.js";
import { calibrate, localEngine, readQuestions, runEval, summarize } from "../eval/index.js";

const { values } = parseArgs({
  options: {
    floors: { type: "boolean", default: false },
    questions: { type: "string" },
    json: { type: "string", default: "test/eval/report.json" },
    misses: { type: "string", default: "20" },
    calibrate: { type: "boolean", default: false },
    "max-wrong": { type: "string", default: "0.02" },
  },
});
/** Floors CI enforces (a regression fails); the targets are higher, see the README. */
const FLOORS = { top1: 88, top3: 95, outOfScopeDeclined: 93, emergencyRecall: 100, escalationRouting: 85 };

const source =
  values.questions ??
  (existsSync("test/eval/questions.jsonl") ? "test/eval/questions.jsonl" : "test/eval/parts");
const questions = await readQuestions(source);
const local = await localEngine(loadConfig({ ...process.env, LOG_LEVEL: "warn" }));
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
    `top-1 ................ ${pct(report.top1)}`,
    `top-3 ................ ${pct(report.top3)}`,
    `answered correctly ... ${pct(report.answeredCorrectly)}`,
    `wrong confident answers ${pct(report.wrongConfidentAnswers)} of all answers`,
    `out-of-scope declined  ${pct(report.outOfScopeDeclined)} (fallback or escalate: ${pct(report.outOfScopeFallback)})`,
    `emergency recall ..... ${pct(report.emergencyRecall)}; false emergencies ${pct(report.falseEmergencies)}`,
    `escalation routing ... ${pct(report.escalationRouting)}`,
    `intents .............. ${pct(report.intents)}`,
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
    const c = calibrate(outcomes, Number(values["max-wrong"]));
    process.stdout.write(
      `calibration (≤${Number(values["max-wrong"]) * 100}% wrong answers, ≥90% out-of-scope to fallback): ANSWER_MIN_SCORE=${c.best?.answerMinScore} ANSWER_MIN_GAP=${c.best?.answerMinGap} → ${((c.best?.correct ?? 0) * 100).toFixed(1)}% answered right, ${((c.best?.wrong ?? 0) * 100).toFixed(1)}% of answers wrong; CHOICES_MIN_SCORE=${c.choicesMinScore} (in-scope sent to fallback: ${(c.inScopeToFallback * 100).toFixed(1)}%)\n`,
    );
  }
  await writeFile(values.json, `${JSON.stringify(report, null, 2)}\n`);
  if (values.floors) {
    const below = Object.entries(FLOORS).filter(
      ([k, floor]) => (report[k as keyof typeof FLOORS] as { rate: number }).rate < floor,
    );
    if (below.length) {
      process.stderr.write(`Below the floor: ${below.map(([k, f]) => `${k} < ${f}%`).join(", ")}\n`);
      process.exitCode = 1;
    }
  }
} finally {
  await local.close();
}
