import type { FaqHit, FaqRecord } from "../ports.js";
import { foldWords } from "../text/fold.js";

/**
 * The one attribute in which two FAQs differ when they are siblings: both have the same facet
 * attributes, with the same values on all but this one. Undefined otherwise.
 */
export function siblingAttribute(a: FaqRecord, b: FaqRecord): string | undefined {
  const fa = a.facets;
  const fb = b.facets;
  if (!fa || !fb || a.id === b.id) return undefined;
  const keys = Object.keys(fa);
  if (keys.length !== Object.keys(fb).length || keys.some((k) => !fb[k])) return undefined;
  const differing = keys.filter((k) => facetLabel(fa[k]) !== facetLabel(fb[k]));
  return differing.length === 1 ? differing[0] : undefined;
}

/** The label of a facet value list: its first value. */
export function facetLabel(values: readonly string[] | undefined): string {
  return foldWords(values?.[0] ?? "");
}

/** What the hits of a question say about siblings: a sibling the question names, or the attribute to ask. */
export interface SiblingGroup {
  readonly attribute: string;
  /** The first hit and its siblings among the others, best first. */
  readonly members: readonly FaqHit[];
  /** The member whose value the question names ("xe máy vượt tốc độ"), when exactly one is named. */
  readonly named?: FaqHit;
}

/** The first hit's siblings among `hits` (one attribute), with the one the text names; undefined when none. */
export function siblingGroup(hits: readonly FaqHit[], text: string, max: number): SiblingGroup | undefined {
  const [first, ...rest] = hits;
  if (!first) return undefined;
  for (const other of rest) {
    const attribute = siblingAttribute(first.faq, other.faq);
    if (!attribute) continue;
    const members = [first, ...rest.filter((h) => siblingAttribute(first.faq, h.faq) === attribute)].slice(
      0,
      max,
    );
    const named = namedMember(
      text,
      members.map((m) => m.faq),
      attribute,
    );
    return { attribute, members, named: members.find((m) => m.faq === named?.faq) };
  }
  return undefined;
}

/** One value found in a text: where, and whose. */
interface Mention {
  readonly start: number;
  readonly end: number;
  readonly faq: FaqRecord;
}

/**
 * What the text says about `attribute`: the one FAQ whose value it names (folded, whole words; a name
 * inside a longer one does not count, so "không có di chúc" is not also "có di chúc"), and how many of
 * the text's words the name takes. Undefined when it names none, or several.
 */
export function namedMember(
  text: string,
  faqs: readonly FaqRecord[],
  attribute: string,
): { readonly faq: FaqRecord; readonly words: number } | undefined {
  const words = foldWords(text).split(" ").filter(Boolean);
  const mentions: Mention[] = [];
  for (const faq of faqs) {
    for (const value of faq.facets?.[attribute] ?? []) {
      const needle = foldWords(value).split(" ").filter(Boolean);
      if (!needle.length) continue;
      for (let i = 0; i + needle.length <= words.length; i++) {
        if (needle.every((w, j) => words[i + j] === w))
          mentions.push({ start: i, end: i + needle.length, faq });
      }
    }
  }
  const outer = mentions.filter(
    (m) =>
      !mentions.some(
        (o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start,
      ),
  );
  const named = [...new Set(outer.map((m) => m.faq))];
  const [faq] = named;
  if (!faq || named.length > 1) return undefined;
  const longest = Math.max(...outer.map((m) => m.end - m.start));
  return { faq, words: longest };
}
