import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { type CorpusReport, checkCorpus } from "./check-corpus.js";
import { readCorpus } from "./load-corpus.js";
import type { ContentIssue } from "./parse-faq-file.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FIXTURES = "test/fixtures/content-broken";
const TODAY = "2026-11-26";

/** One broken fixture per defect: where the defect is and what the check must say about it. */
const BROKEN = [
  {
    defect: "an unclosed quote",
    file: "dan-su/yaml-hong.md",
    line: 3,
    field: "front matter",
    message: /^YAML: .*quote/,
  },
  {
    defect: "a missing legal basis",
    file: "dan-su/thieu-can-cu.md",
    line: 2,
    field: "legalBasis",
    message: /\{document, number, article, clause\}/,
  },
  {
    defect: "only 3 variants",
    file: "dan-su/it-bien-the.md",
    line: 5,
    field: "variants",
    message: /at least 5 variants/,
  },
  {
    defect: "an id that is not the file name",
    file: "dan-su/sai-id.md",
    line: 2,
    field: "id",
    message: /file name "sai-id", got "dansu-ten-khac"/,
  },
  {
    defect: "an unknown topic",
    file: "chiem-tinh/chu-de-la.md",
    line: 10,
    field: "topic",
    message: /one of .*dan-su/,
  },
  {
    defect: "a related id that does not exist",
    file: "dan-su/lien-ket-hong.md",
    line: 20,
    field: "related",
    message: /"dansu-khong-co-that"/,
  },
  {
    defect: "a variant another FAQ already has",
    file: "dan-su/trung-bien-the.md",
    line: 8,
    field: "variants",
    message: /also in .*faq\/dan-su\/hop-le\.md/,
  },
  {
    defect: "an answer lead over 150 words",
    file: "dan-su/mo-dau-dai.md",
    line: 22,
    field: "answer",
    message: /answer lead has \d+ words/,
  },
  {
    defect: "an unknown placeholder",
    file: "dan-su/placeholder-la.md",
    line: 25,
    field: "answer",
    message: /unknown placeholder \{\{org\.foo\}\}/,
  },
  {
    defect: "an invented phone number",
    file: "dan-su/so-dien-thoai.md",
    line: 25,
    field: "answer",
    message: /"0251 3 888 999"/,
  },
  {
    defect: "a reviewDue that is not YYYY-MM-DD",
    file: "dan-su/ngay-sai.md",
    line: 19,
    field: "reviewDue",
    message: /YYYY-MM-DD/,
  },
  {
    defect: "a reviewDue after the day a cited document stops applying",
    file: "dan-su/het-hieu-luc-truoc-ra-soat.md",
    line: 24,
    field: "reviewDue",
    message: /on or before 2027-06-30, when 999\/2025\/NĐ-CP stops applying; got 2027-11-20/,
  },
  {
    defect: "an effectiveUntil before effectiveFrom",
    file: "dan-su/hieu-luc-nguoc.md",
    line: 18,
    field: "legalBasis.0.effectiveUntil",
    message: /on or after effectiveFrom 2026-07-01/,
  },
  {
    defect: "a verifiedAt in the future",
    file: "dan-su/kiem-tra-tuong-lai.md",
    line: 18,
    field: "verifiedAt",
    message: /on or before today \(2026-11-26\), got 2027-01-01/,
  },
  {
    defect: "facets with no sibling FAQ",
    file: "dan-su/facet-khong-anh-em.md",
    line: 21,
    field: "facets",
    message: /expected a sibling/,
  },
];

/** Issues about one fixture, given as `<topic>/<name>.md` (paths are reported relative to the content dir's parent). */
function about(issues: readonly ContentIssue[], file: string): ContentIssue[] {
  return issues.filter((i) => i.file.endsWith(`faq/${file}`));
}

describe("checkCorpus on the broken fixtures", () => {
  let report: CorpusReport;
  beforeAll(async () => {
    report = checkCorpus(await readCorpus(`${ROOT}${FIXTURES}`), { today: TODAY, enforceMinimums: false });
  });

  it.each(BROKEN)("reports $defect in $file as one error on line $line, field $field", (c) => {
    expect(about(report.errors, c.file)).toEqual([
      {
        file: expect.stringMatching(new RegExp(`(^|/)faq/${c.file}$`)),
        line: c.line,
        field: c.field,
        message: expect.stringMatching(c.message),
      },
    ]);
  });

  it("reports no other error than the one defect of each broken fixture", () => {
    expect(report.errors).toHaveLength(BROKEN.length);
  });

  it("checking one file against the rest (a console save) finds exactly that file's errors and warnings", async () => {
    const files = await readCorpus(`${ROOT}${FIXTURES}`);
    for (const { file } of files) {
      const one = checkCorpus(files, { today: TODAY, enforceMinimums: false, only: file });
      expect(one.errors, file).toEqual(report.errors.filter((e) => e.file === file));
      expect(one.warnings, file).toEqual(report.warnings.filter((w) => w.file === file));
    }
  });

  it("reports neither an error nor a warning for the valid FAQ", () => {
    expect(about(report.errors, "dan-su/hop-le.md")).toEqual([]);
    expect(about(report.warnings, "dan-su/hop-le.md")).toEqual([]);
  });

  it("warns about a cited document ending within 90 days, and one that has ended", () => {
    expect(about(report.errors, "dan-su/sap-het-hieu-luc.md")).toEqual([]);
    expect(about(report.warnings, "dan-su/sap-het-hieu-luc.md")).toEqual([
      expect.objectContaining({
        line: 18,
        field: "legalBasis.0.effectiveUntil",
        message: "cites 999/2025/NĐ-CP, which stops applying after 2027-01-31 (within 90 days)",
      }),
    ]);
    expect(about(report.warnings, "dan-su/hieu-luc-nguoc.md")).toContainEqual(
      expect.objectContaining({
        field: "legalBasis.0.effectiveUntil",
        message: "cites 999/2025/NĐ-CP, which stopped applying after 2026-01-01",
      }),
    );
    // 2027-06-30 is more than 90 days away: an error on reviewDue, no warning.
    expect(about(report.warnings, "dan-su/het-hieu-luc-truoc-ra-soat.md")).toEqual([]);
  });

  it("counts the published FAQs whose figures were verified and those with claims for legal review", () => {
    expect(report.verified).toBe(3);
    expect(report.flagged).toBe(1);
  });

  it("reports a reviewDue in the past as a warning, not an error", () => {
    expect(about(report.errors, "dan-su/qua-han-ra-soat.md")).toEqual([]);
    expect(about(report.warnings, "dan-su/qua-han-ra-soat.md")).toEqual([
      expect.objectContaining({ line: 19, field: "reviewDue", message: "review was due on 2026-01-15" }),
    ]);
  });
});

function runContentCheck(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/content-check.ts", ...args], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout }));
  });
}

describe("npm run content:check", () => {
  it("exits with 1 and prints one `error   file:line field: message` line per defect", async () => {
    const { code, stdout } = await runContentCheck([FIXTURES, "--no-minimums"]);
    expect(code).toBe(1);
    const errorLines = stdout.split("\n").filter((l) => l.startsWith("error"));
    for (const l of errorLines)
      expect(l).toMatch(/^error {3}\S*content-broken\/faq\/\S+\.md:\d+ [\w .]+: \S/);
    expect(errorLines).toHaveLength(BROKEN.length);
    const missing = BROKEN.filter(
      (c) => !errorLines.some((l) => l.includes(`faq/${c.file}:${c.line} ${c.field}: `)),
    ).map((c) => `${c.file}:${c.line} ${c.field}`);
    expect(missing, errorLines.join("\n")).toEqual([]);
  }, 30_000);
});
