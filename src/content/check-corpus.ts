import path from "node:path";
import { siblingAttribute } from "../core/decide/siblings.js";
import { foldWords } from "../core/text/fold.js";
import { ENDING_WITHIN_DAYS, earliestEnd, endingBases } from "./document-currency.js";
import type { Faq } from "./faq-schema.js";
import type { CorpusFile } from "./load-corpus.js";
import { answerLead, type ContentIssue, countWords } from "./parse-faq-file.js";
import { TOPICS } from "./topics.js";

/** What `content:check` found: errors fail the check, warnings do not. */
export interface CorpusReport {
  readonly errors: ContentIssue[];
  readonly warnings: ContentIssue[];
  readonly published: number;
  readonly countsByTopic: Record<string, number>;
  /** Published FAQs whose figures were checked (verifiedAt set). */
  readonly verified: number;
  /** Published FAQs with claims left for the legal officer (needsLegalReview not empty). */
  readonly flagged: number;
}

export const PLACEHOLDERS = [
  "name",
  "legalAidCenterName",
  "legalAidAddress",
  "legalAidPhone",
  "openingHours",
] as const;
const LEAD_WORDS_WARN = 120;
const LEAD_WORDS_MAX = 150;
/** The only phone numbers content may contain (LEGAL-CONTEXT.md); others come from config. */
const ALLOWED_NUMBERS = new Set(["111", "113", "114", "115", "18001233"]);

function lineOf(text: string, needle: string, fallback: number): number {
  const at = text.indexOf(needle);
  return at === -1 ? fallback : text.slice(0, at).split("\n").length;
}

/** Folded phrasings of a FAQ, kept per parsed FAQ: a console save re-checks one file against the same corpus. */
const foldedPhrasings = new WeakMap<Faq, string[]>();
function phrasingKeys(faq: Faq): string[] {
  let keys = foldedPhrasings.get(faq);
  if (!keys) {
    keys = [faq.question, ...faq.variants].map((phrase) => foldWords(phrase));
    foldedPhrasings.set(faq, keys);
  }
  return keys;
}

/**
 * Cross-file checks over parsed files: ids, shared variants, links, lengths, placeholders, numbers, dates.
 * With `only` (a file), the others are read for ids and phrasings but only that file's own checks run
 * and only its issues are reported: a console save checks one FAQ in ~1 ms, not the corpus in ~150 ms.
 */
export function checkCorpus(
  files: readonly CorpusFile[],
  options: { today: string; enforceMinimums: boolean; only?: string },
): CorpusReport {
  const checked = (f: CorpusFile) => options.only === undefined || f.file === options.only;
  const errors: ContentIssue[] = files.filter(checked).flatMap((f) => f.issues);
  const warnings: ContentIssue[] = [];
  const valid = files.filter((f): f is CorpusFile & { faq: Faq } => f.faq !== undefined);
  const byId = new Map<string, CorpusFile & { faq: Faq }>();
  const phrasings = new Map<string, { id: string; file: string }>();

  for (const f of valid) {
    const { faq, file, text } = f;
    if (!checked(f)) {
      if (!byId.has(faq.id)) byId.set(faq.id, f);
      for (const key of phrasingKeys(faq)) if (!phrasings.has(key)) phrasings.set(key, { id: faq.id, file });
      continue;
    }
    const at = (needle: string, fallback = 2) => lineOf(text, needle, fallback);
    const stem = path.basename(file, ".md");
    if (faq.id !== stem)
      errors.push({
        file,
        line: at("id:"),
        field: "id",
        message: `expected the file name "${stem}", got "${faq.id}"`,
      });
    const folder = path.basename(path.dirname(file));
    if (faq.topic !== folder)
      errors.push({
        file,
        line: at("topic:"),
        field: "topic",
        message: `expected the folder name "${folder}"`,
      });
    const twin = byId.get(faq.id);
    if (twin)
      errors.push({
        file,
        line: at("id:"),
        field: "id",
        message: `expected a unique id; ${twin.file} has it too`,
      });
    else byId.set(faq.id, f);

    const keys = phrasingKeys(faq);
    for (const [i, phrase] of [faq.question, ...faq.variants].entries()) {
      const key = keys[i] ?? "";
      const seen = phrasings.get(key);
      if (seen && seen.id !== faq.id) {
        errors.push({
          file,
          line: at(phrase),
          field: "variants",
          message: `expected a phrasing of its own; "${phrase}" is also in ${seen.file}`,
        });
      } else if (seen) {
        warnings.push({
          file,
          line: at(phrase),
          field: "variants",
          message: `"${phrase}" is repeated in this file`,
        });
      } else phrasings.set(key, { id: faq.id, file });
    }

    const words = countWords(answerLead(faq.answer));
    const message = `answer lead has ${words} words before "## Chi tiết"; keep it to about ${LEAD_WORDS_WARN}`;
    if (words > LEAD_WORDS_MAX) errors.push({ file, line: f.bodyLine, field: "answer", message });
    else if (words > LEAD_WORDS_WARN) warnings.push({ file, line: f.bodyLine, field: "answer", message });

    for (const m of faq.answer.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)) {
      const name = m[1] ?? "";
      if (!name.startsWith("org.") || !(PLACEHOLDERS as readonly string[]).includes(name.slice(4))) {
        errors.push({
          file,
          line: at(m[0], f.bodyLine),
          field: "answer",
          message: `unknown placeholder ${m[0]}; expected one of ${PLACEHOLDERS.map((p) => `{{org.${p}}}`).join(", ")}`,
        });
      }
    }
    for (const m of faq.answer.matchAll(/(?<![\d.,/])(?:\+?84|0|1[89]00)[\d .-]{6,14}\d(?![\d/])/g)) {
      const digits = m[0].replace(/\D/g, "");
      if (!ALLOWED_NUMBERS.has(digits)) {
        errors.push({
          file,
          line: at(m[0], f.bodyLine),
          field: "answer",
          message: `phone-like number "${m[0]}": use {{org.legalAidPhone}} or a national hotline from LEGAL-CONTEXT.md`,
        });
      }
    }
    if (/(UBND|Ủy ban nhân dân) (cấp )?huyện/i.test(faq.answer)) {
      warnings.push({
        file,
        line: at("huyện", f.bodyLine),
        field: "answer",
        message: "mentions the district level, which no longer exists since 1/7/2025; use UBND cấp xã",
      });
    }
    checkCurrency(f, options.today, errors, warnings);
    if (faq.reviewDue < options.today) {
      warnings.push({
        file,
        line: at("reviewDue:"),
        field: "reviewDue",
        message: `review was due on ${faq.reviewDue}`,
      });
    }
  }

  for (const { faq, file, text } of valid.filter(checked)) {
    for (const id of faq.related) {
      if (!byId.has(id))
        errors.push({
          file,
          line: lineOf(text, id, 2),
          field: "related",
          message: `expected an existing FAQ id, got "${id}"`,
        });
    }
  }

  // Facets only ask a question between siblings: a faceted FAQ with none has a mistyped name or value.
  for (const { faq, file, text } of valid.filter(checked)) {
    if (faq.facets && !valid.some((o) => siblingAttribute(faq, o.faq)))
      errors.push({
        file,
        line: lineOf(text, "facets:", 2),
        field: "facets",
        message:
          "expected a sibling: another FAQ with the same facet names and the same first value on all but one",
      });
  }

  const published = valid.filter((f) => f.faq.status === "published");
  const countsByTopic: Record<string, number> = Object.fromEntries(TOPICS.map((t) => [t.id, 0]));
  for (const { faq } of published) countsByTopic[faq.topic] = (countsByTopic[faq.topic] ?? 0) + 1;
  if (options.enforceMinimums) {
    for (const t of TOPICS) {
      const n = countsByTopic[t.id] ?? 0;
      if (n < t.min)
        errors.push({
          file: `content/faq/${t.id}`,
          line: 0,
          field: "topic",
          message: `expected at least ${t.min} published FAQs, found ${n}`,
        });
    }
  }
  return {
    errors,
    warnings,
    published: published.length,
    countsByTopic,
    verified: published.filter((f) => f.faq.verifiedAt !== undefined).length,
    flagged: published.filter((f) => f.faq.needsLegalReview.length > 0).length,
  };
}

/**
 * Dates of the cited documents: an end before its start or a check date in the future is an error, a review due
 * after the first document stops applying is an error (the FAQ would be served past it unreviewed), and a
 * document ending within ENDING_WITHIN_DAYS days or already ended is a warning. Retired FAQs are not served and
 * are left alone.
 */
function checkCurrency(
  f: CorpusFile & { faq: Faq },
  today: string,
  errors: ContentIssue[],
  warnings: ContentIssue[],
) {
  const { faq, file, text } = f;
  if (faq.status === "retired") return;
  faq.legalBasis.forEach((b, i) => {
    if (b.effectiveFrom && b.effectiveUntil && b.effectiveUntil < b.effectiveFrom)
      errors.push({
        file,
        line: lineOf(text, `effectiveUntil: ${b.effectiveUntil}`, 2),
        field: `legalBasis.${i}.effectiveUntil`,
        message: `expected an end on or after effectiveFrom ${b.effectiveFrom}, got ${b.effectiveUntil}`,
      });
  });
  if (faq.verifiedAt && faq.verifiedAt > today)
    errors.push({
      file,
      line: lineOf(text, "verifiedAt:", 2),
      field: "verifiedAt",
      message: `expected a date on or before today (${today}), got ${faq.verifiedAt}`,
    });
  const first = earliestEnd(faq);
  if (first && faq.reviewDue > first.effectiveUntil)
    errors.push({
      file,
      line: lineOf(text, "reviewDue:", 2),
      field: "reviewDue",
      message: `expected a review on or before ${first.effectiveUntil}, when ${first.number ?? first.document} stops applying; got ${faq.reviewDue}`,
    });
  for (const { index, basis, past } of endingBases(faq, today))
    warnings.push({
      file,
      line: lineOf(text, `effectiveUntil: ${basis.effectiveUntil}`, 2),
      field: `legalBasis.${index}.effectiveUntil`,
      message: past
        ? `cites ${basis.number ?? basis.document}, which stopped applying after ${basis.effectiveUntil}`
        : `cites ${basis.number ?? basis.document}, which stops applying after ${basis.effectiveUntil} (within ${ENDING_WITHIN_DAYS} days)`,
    });
}
