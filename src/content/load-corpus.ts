import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Faq } from "./faq-schema.js";
import { type ContentIssue, type ParsedFaqFile, parseFaqFile } from "./parse-faq-file.js";

/** One content file as read from disk. */
export interface CorpusFile extends ParsedFaqFile {
  readonly file: string;
  readonly text: string;
}

/** Every `*.md` under `dir/faq`, parsed; paths are relative to the working directory, so editors open them. */
export async function readCorpus(contentDir: string): Promise<CorpusFile[]> {
  const root = path.join(contentDir, "faq");
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith(".md"))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  return Promise.all(
    files.map(async (abs) => {
      const text = await readFile(abs, "utf8");
      const file = path.relative(process.cwd(), abs);
      return { file, text, ...parseFaqFile(file, text) };
    }),
  );
}

/** The valid FAQs of a corpus; invalid files are skipped (content:check reports them). */
export async function loadFaqs(contentDir: string): Promise<{ faqs: Faq[]; issues: ContentIssue[] }> {
  const files = await readCorpus(contentDir);
  return {
    faqs: files.flatMap((f) => (f.faq ? [f.faq] : [])),
    issues: files.flatMap((f) => f.issues),
  };
}
