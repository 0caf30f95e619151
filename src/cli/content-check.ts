// `npm run content:check`: validates every FAQ file; prints file:line messages and counts per topic.
import path from "node:path";
import { checkCorpus, readCorpus, TOPICS } from "../content/index.js";

const dir = path.resolve(process.argv[2] ?? "content");
const files = await readCorpus(dir);
const report = checkCorpus(files, {
  today: new Date().toISOString().slice(0, 10),
  enforceMinimums: !process.argv.includes("--no-minimums"),
});
for (const w of report.warnings)
  process.stdout.write(`warning ${w.file}:${w.line} ${w.field}: ${w.message}\n`);
for (const e of report.errors) process.stdout.write(`error   ${e.file}:${e.line} ${e.field}: ${e.message}\n`);
process.stdout.write(`\n${"topic".padEnd(22)} published  minimum\n`);
for (const t of TOPICS) {
  const n = report.countsByTopic[t.id] ?? 0;
  process.stdout.write(
    `${t.id.padEnd(22)} ${String(n).padStart(9)}  ${String(t.min).padStart(7)}${n < t.min ? "  ← below minimum" : ""}\n`,
  );
}
process.stdout.write(
  `\n${report.verified} of ${report.published} published FAQs have their figures verified (verifiedAt); ${report.flagged} have claims flagged for legal review (needsLegalReview)\n`,
);
process.stdout.write(
  `\n${files.length} files, ${report.published} published, ${report.errors.length} errors, ${report.warnings.length} warnings\n`,
);
process.exit(report.errors.length ? 1 : 0);
