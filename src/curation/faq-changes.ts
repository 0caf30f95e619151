import type { Faq, LegalBasis } from "../content/index.js";
import { type DiffOp, diffSequence } from "./unified-diff.js";

/** A front-matter field whose value differs between the live FAQ and the proposed one. */
export interface FieldChange {
  readonly field: keyof Faq;
  readonly before: readonly string[];
  readonly after: readonly string[];
}

/** What a reviewer needs to judge a revision: the changed fields, and the answer word by word. */
export interface FaqChanges {
  readonly fields: readonly FieldChange[];
  /** Runs of kept, removed and added text (words with their spacing); empty when the answer is unchanged. */
  readonly answer: readonly DiffOp[];
}

const basisLine = (b: LegalBasis) =>
  [
    b.document,
    b.number,
    b.article,
    b.clause,
    b.effectiveFrom && `hiệu lực từ ${b.effectiveFrom}`,
    b.effectiveUntil && `hết hiệu lực ${b.effectiveUntil}`,
    b.verifiedAgainst && `đối chiếu: ${b.verifiedAgainst}`,
  ]
    .filter((part): part is string => Boolean(part))
    .join(", ");

/** Each reviewable field as lines of text, in the order the editor shows them. */
function fieldLines(faq: Faq): [keyof Faq, string[]][] {
  return [
    ["question", [faq.question]],
    ["variants", [...faq.variants]],
    ["topic", [faq.topic]],
    ["tags", [...faq.tags]],
    ["audiences", [...faq.audiences]],
    ["legalBasis", faq.legalBasis.map(basisLine)],
    ["verifiedAt", faq.verifiedAt ? [faq.verifiedAt] : []],
    ["needsLegalReview", [...faq.needsLegalReview]],
    ["reviewDue", [faq.reviewDue]],
    ["related", [...faq.related]],
  ];
}

/** Consecutive operations of one kind joined, so a changed phrase reads as one piece. */
function merge(ops: readonly DiffOp[]): DiffOp[] {
  const out: DiffOp[] = [];
  for (const op of ops) {
    const last = out.at(-1);
    if (last && last.kind === op.kind) out[out.length - 1] = { kind: op.kind, line: last.line + op.line };
    else out.push(op);
  }
  return out;
}

/** The changes from `live` to `proposed`: fields compared as lists, the answer word by word. */
export function faqChanges(live: Faq, proposed: Faq): FaqChanges {
  const after = new Map(fieldLines(proposed));
  const fields: FieldChange[] = [];
  for (const [field, before] of fieldLines(live)) {
    const now = after.get(field) ?? [];
    if (before.join("\n") !== now.join("\n")) fields.push({ field, before, after: now });
  }
  // Each word carries the spacing before it, so spaces never match on their own and text added
  // after the last word leaves that word as it was.
  const words = (text: string) => text.match(/\s*\S+|\s+$/gy) ?? [];
  const answer =
    live.answer === proposed.answer ? [] : merge(diffSequence(words(live.answer), words(proposed.answer)));
  return { fields, answer };
}
