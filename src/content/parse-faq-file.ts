import { isNode, LineCounter, parseDocument } from "yaml";
import { type Faq, faqFrontMatterSchema } from "./faq-schema.js";

/** A problem found in a content file, pointing at the line to fix. */
export interface ContentIssue {
  readonly file: string;
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

/** The result of reading one FAQ file: the FAQ when valid, and what is wrong otherwise. */
export interface ParsedFaqFile {
  readonly faq?: Faq;
  readonly issues: ContentIssue[];
  /** 1-based line where the Markdown body starts. */
  readonly bodyLine: number;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Parses `---` YAML front matter and the Markdown body of a FAQ file, with line numbers for every issue. */
export function parseFaqFile(file: string, text: string): ParsedFaqFile {
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    return {
      bodyLine: 1,
      issues: [
        {
          file,
          line: 1,
          field: "front matter",
          message: "the file must start with --- YAML front matter ---",
        },
      ],
    };
  }
  const yamlText = match[1] ?? "";
  const body = match[2] ?? "";
  const bodyLine = yamlText.split("\n").length + 3;
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // Line 1 of the YAML is line 2 of the file (after the opening ---).
  const lineAt = (offset: number | undefined) =>
    offset === undefined ? 2 : lineCounter.linePos(offset).line + 1;
  if (doc.errors.length) {
    const error = doc.errors[0];
    // An unclosed quote is reported where the text ends; point at the line that opened it.
    let line = lineAt(error?.pos[0]);
    if (error?.code === "MISSING_CHAR") {
      const opened = yamlText
        .split("\n")
        .findIndex((l) => (l.replace(/\\"/g, "").match(/"/g) ?? []).length % 2 === 1);
      if (opened !== -1) line = opened + 2;
    }
    return {
      bodyLine,
      issues: [
        {
          file,
          line,
          field: "front matter",
          message: `YAML: ${error?.message.split("\n")[0]}`,
        },
      ],
    };
  }
  const parsed = faqFrontMatterSchema.safeParse(doc.toJS());
  const issues: ContentIssue[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
      let node = doc.getIn(path, true);
      for (let depth = path.length - 1; !isNode(node) && depth >= 0; depth--)
        node = doc.getIn(path.slice(0, depth), true);
      const offset = isNode(node) ? node.range?.[0] : undefined;
      issues.push({
        file,
        line: lineAt(offset),
        field: path.join(".") || "front matter",
        message: `expected ${issue.message}`,
      });
    }
  }
  if (!body.trim())
    issues.push({
      file,
      line: bodyLine,
      field: "answer",
      message: "expected an answer below the front matter",
    });
  if (issues.length || !parsed.success) return { bodyLine, issues };
  return { bodyLine, issues, faq: { ...parsed.data, answer: body.trim() } };
}

/** The lead of an answer: the text before the first `## ` section heading. */
export function answerLead(answer: string): string {
  const cut = answer.search(/^## /m);
  return (cut === -1 ? answer : answer.slice(0, cut)).trim();
}

/** Counts words as a reader would (whitespace-separated, ignoring Markdown markers). */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
