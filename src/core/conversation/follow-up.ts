import type { FaqRecord } from "../ports.js";
import { fold, foldWords } from "../text/fold.js";

/** Lead-ins that make a short message a follow-up by themselves ("thế còn …", "vậy nếu …"). */
const STRONG_LEADS = [
  "the con neu",
  "vay con neu",
  "the con",
  "vay con",
  "con neu",
  "the neu",
  "vay neu",
  "nhung neu",
  "con truong hop",
  "the con voi",
  "con voi",
  "con doi voi",
];
/** Lead-ins that need a closing "thì sao" to be a follow-up ("nếu là ô tô thì sao"). */
const WEAK_LEADS = ["neu la", "neu", "voi", "doi voi", "truong hop", "con", "the", "vay", "la"];
const TAILS = [
  "thi phai lam sao",
  "thi the nao",
  "thi lam sao",
  "thi sao",
  "the nao",
  "thi",
  "sao",
  "nua",
  "a",
  "nhi",
  "nhe",
  "ha",
];
/** A follow-up names one thing: beyond this many words it is a question of its own. */
const MAX_CONTENT_WORDS = 4;

function strip(words: string[], folded: string[], options: readonly string[], atStart: boolean) {
  for (const option of options) {
    const n = option.split(" ").length;
    const part = atStart ? folded.slice(0, n) : folded.slice(-n);
    if (folded.length > n && part.join(" ") === option) {
      return atStart
        ? { words: words.slice(n), folded: folded.slice(n), matched: true }
        : { words: words.slice(0, -n), folded: folded.slice(0, -n), matched: true };
    }
  }
  return { words, folded, matched: false };
}

/**
 * The new part of a follow-up question — "thế còn ô tô?" → "ô tô", "nếu là con nuôi thì sao" →
 * "con nuôi" — or undefined when the message is a question of its own. "còn …" typed with its
 * accent is a follow-up; folded "con …" (also "child") needs a closing "thì sao".
 */
export function followUpContent(normalized: string): string | undefined {
  const words = normalized
    .replace(/[?!.,;:…]+/g, " ")
    .split(" ")
    .filter(Boolean);
  const folded = words.map((w) => foldWords(w));
  const accentedCon = words[0] === "còn";
  const strong = strip(words, folded, STRONG_LEADS, true);
  const lead = strong.matched ? strong : strip(words, folded, WEAK_LEADS, true);
  let rest = lead;
  let asked = false;
  for (;;) {
    const t = strip(rest.words, rest.folded, TAILS, false);
    if (!t.matched) break;
    // "… thì sao" asks about the thing named before it, with or without a lead-in.
    asked ||= /^thi (?:sao|the nao|lam sao|phai lam sao)$/.test(rest.folded.slice(t.folded.length).join(" "));
    rest = t;
  }
  if (!rest.words.length || rest.words.length > MAX_CONTENT_WORDS) return undefined;
  const isFollowUp =
    strong.matched ||
    (lead.matched && (asked || accentedCon)) ||
    (asked && rest.words.length <= MAX_CONTENT_WORDS - 1);
  return isFollowUp ? rest.words.join(" ") : undefined;
}

/** Whether a FAQ names `content` (folded, as a phrase) in its question, variants or tags. */
export function mentions(faq: FaqRecord, content: string): boolean {
  const phrase = ` ${foldWords(content)} `;
  if (phrase.trim() === "") return false;
  const texts = [faq.question, ...(faq.variants ?? []), ...(faq.tags ?? [])];
  return texts.some((t) => ` ${foldWords(fold(t))} `.includes(phrase));
}
