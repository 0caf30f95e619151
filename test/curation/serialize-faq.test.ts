import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parseFaqFile, readCorpus } from "../../src/content/index.js";
import { serializeFaq, unifiedDiff } from "../../src/curation/index.js";

describe("serializeFaq", () => {
  it("gives back every file of content/faq byte for byte after a parse", async () => {
    const files = await readCorpus("content");
    expect(files.length).toBeGreaterThan(200);
    const changed = files.filter((f) => !f.faq || serializeFaq(f.faq) !== f.text).map((f) => f.file);
    expect(changed).toEqual([]);
  });

  it("changes only the edited line when one variant is edited", async () => {
    const file = "content/faq/dich-vu-cong/dvc-ho-so-tre-hen.md";
    const text = await readFile(file, "utf8");
    const faq = parseFaqFile(file, text).faq;
    if (!faq) throw new Error("fixture must parse");
    const edited = serializeFaq({
      ...faq,
      variants: faq.variants.map((v, i) => (i === 3 ? "hồ sơ quá hạn rồi" : v)),
    });
    const diff = unifiedDiff(text, edited);
    expect(diff.split("\n").filter((l) => /^[-+][^-+]/.test(l))).toEqual([
      "-  - hồ sơ quá hạn",
      "+  - hồ sơ quá hạn rồi",
    ]);
  });

  it("quotes values YAML would misread and parses them back unchanged", async () => {
    const [first] = await readCorpus("content");
    if (!first?.faq) throw new Error("fixture must parse");
    const faq = {
      ...first.faq,
      question: "Hỏi: có được không? #1",
      variants: ["- gạch đầu dòng", "a: b", "# dấu thăng", "2024", "yes", 'có "ngoặc kép"'],
      tags: ["a, b", "[x]", "ok"],
    };
    const text = serializeFaq(faq);
    expect(parseFaqFile("x.md", text).faq).toEqual(faq);
    expect(text).toContain('tags: ["a, b", "[x]", ok]');
  });

  it("writes facets after related, one value alone and several inline, and parses them back unchanged", async () => {
    const [first] = await readCorpus("content");
    if (!first?.faq) throw new Error("fixture must parse");
    const faq = {
      ...first.faq,
      facets: { việc: ["quá tốc độ"], "phương tiện": ["xe máy", "mô tô (xe số)"] },
    };
    const text = serializeFaq(faq);
    expect(text).toContain("facets:\n  việc: quá tốc độ\n  phương tiện: [xe máy, mô tô (xe số)]\n---");
    expect(parseFaqFile("x.md", text).faq).toEqual(faq);
  });

  it("writes the traceability fields in a fixed place and parses them back unchanged", async () => {
    const [first] = await readCorpus("content");
    if (!first?.faq) throw new Error("fixture must parse");
    const [basis] = first.faq.legalBasis;
    if (!basis) throw new Error("fixture must have a basis");
    const faq = {
      ...first.faq,
      legalBasis: [
        {
          ...basis,
          effectiveFrom: "2025-07-01",
          effectiveUntil: "2027-02-28",
          verifiedAgainst: "Văn bản gốc: Công báo số 1/2025, bản đăng ngày 01/07/2025",
        },
      ],
      verifiedAt: "2026-12-07",
      needsLegalReview: ["Mức phạt: chưa tìm thấy văn bản gốc", "yes"],
    };
    const text = serializeFaq(faq);
    expect(parseFaqFile("x.md", text).faq).toEqual(faq);
    expect(text).toContain(
      [
        "    effectiveFrom: 2025-07-01",
        "    effectiveUntil: 2027-02-28",
        '    verifiedAgainst: "Văn bản gốc: Công báo số 1/2025, bản đăng ngày 01/07/2025"',
        "verifiedAt: 2026-12-07",
        "needsLegalReview:",
        '  - "Mức phạt: chưa tìm thấy văn bản gốc"',
        '  - "yes"',
        `status: ${faq.status}`,
      ].join("\n"),
    );
    const none = serializeFaq({ ...faq, needsLegalReview: [] });
    expect(none).toContain("verifiedAt: 2026-12-07\nneedsLegalReview: []\nstatus: ");
    expect(parseFaqFile("x.md", none).faq).toEqual({ ...faq, needsLegalReview: [] });
    // Without them the file has no trace of the keys (the files written before them stay byte for byte).
    expect(serializeFaq(first.faq)).not.toMatch(/verifiedAt|needsLegalReview|effective|verifiedAgainst/);
  });
});
