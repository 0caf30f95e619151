import { ABBREVIATIONS } from "./abbreviations.js";

/** The longest text the engine reads; the ask API rejects longer input before this. */
export const MAX_TEXT_LENGTH = 2000;

const keys = Object.keys(ABBREVIATIONS).sort((a, b) => b.length - a.length);
const escaped = keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
const ABBREVIATION_RE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})(?![\\p{L}\\p{N}])`, "giu");
const LOOKUP = new Map(keys.map((k) => [k.toLowerCase(), ABBREVIATIONS[k] as string]));

/** Removes control and format characters (keeps letters, marks, digits, punctuation, emoji). */
export function stripControl(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu, " ");
}

/**
 * Cleans what a citizen typed: Unicode NFC, no control characters, single spaces, at most
 * {@link MAX_TEXT_LENGTH} characters. Keeps the words as typed (this is what a person reads).
 */
export function clean(text: string): string {
  return stripControl(text.normalize("NFC")).replace(/\s+/g, " ").trim().slice(0, MAX_TEXT_LENGTH);
}

/** Expands chat abbreviations and unifies i/y spellings, for matching (not for display). */
export function expandAbbreviations(text: string): string {
  return text.replace(ABBREVIATION_RE, (word) => LOOKUP.get(word.toLowerCase()) ?? word);
}

/** `clean` then `expandAbbreviations`, lowercased: the form the engine matches on. */
export function normalize(text: string): string {
  return expandAbbreviations(clean(text).toLowerCase());
}
