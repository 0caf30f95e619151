import { type CorpusFile, checkCorpus, type Faq, faqSchema, parseFaqFile } from "../content/index.js";
import { serializeFaq } from "./serialize-faq.js";

/** The outcome of validating a FAQ as content:check would: the canonical text, or field messages. */
export type FaqValidation =
  | { readonly ok: true; readonly faq: Faq; readonly text: string }
  | { readonly ok: false; readonly fields: Record<string, string> };

/**
 * Validates a FAQ for the file `file` with the same zod schema and cross-file checks as content:check
 * (ids, shared phrasings, related ids, placeholders, phone numbers); `corpus` is the rest of the content.
 */
export function validateFaq(
  input: unknown,
  file: string,
  corpus: readonly CorpusFile[],
  today: string,
): FaqValidation {
  const fields: Record<string, string> = {};
  const add = (field: string, message: string) => {
    fields[field || "faq"] ??= message;
  };
  const parsed = faqSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      add(issue.path.map(String).join("."), `expected ${issue.message}`);
    return { ok: false, fields };
  }
  const text = serializeFaq(parsed.data);
  const self = { file, text, ...parseFaqFile(file, text) };
  for (const issue of self.issues) add(issue.field, issue.message);
  if (!self.faq) return { ok: false, fields };
  const id = self.faq.id;
  const others = corpus.filter((f) => f.file !== file && f.faq?.id !== id);
  const report = checkCorpus([...others, self], { today, enforceMinimums: false, only: file });
  for (const issue of report.errors) add(issue.field, issue.message);
  return Object.keys(fields).length ? { ok: false, fields } : { ok: true, faq: self.faq, text };
}
