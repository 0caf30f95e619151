import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { type CorpusFile, type CorpusReport, checkCorpus, readCorpus, TOPICS } from "../src/content/index.js";

const CONTENT = fileURLToPath(new URL("../content", import.meta.url));

describe("the real FAQ corpus", () => {
  let files: CorpusFile[];
  let report: CorpusReport;
  beforeAll(async () => {
    files = await readCorpus(CONTENT);
    report = checkCorpus(files, { today: new Date().toISOString().slice(0, 10), enforceMinimums: true });
  });

  it("passes content:check with the per-topic minimums enforced", () => {
    expect(report.errors.map((e) => `${e.file}:${e.line} ${e.field}: ${e.message}`)).toEqual([]);
  });

  it("gives every published FAQ at least one legal basis that names a document", () => {
    const published = files.flatMap((f) => (f.faq?.status === "published" ? [{ ...f, faq: f.faq }] : []));
    expect(published.length).toBeGreaterThan(0);
    const without = published
      .filter(({ faq }) => !faq.legalBasis.some((b) => b.document.trim().length > 0))
      .map((f) => f.file);
    expect(without).toEqual([]);
  });

  it("has at least the minimum number of published FAQs in every topic", () => {
    const short = TOPICS.filter((t) => (report.countsByTopic[t.id] ?? 0) < t.min).map(
      (t) => `${t.id}: ${report.countsByTopic[t.id] ?? 0} published, minimum ${t.min}`,
    );
    expect(short).toEqual([]);
  });
});
