/**
 * Splits a plain text into pieces of at most `max` UTF-16 code units (how Telegram and Zalo count),
 * preferring paragraph boundaries, then line breaks, then spaces; a piece is cut mid-word only
 * when a single word is longer than `max`. Pieces are trimmed; none is empty.
 */
export function splitMessage(text: string, max: number): string[] {
  if (max < 2) throw new RangeError("max must be at least 2");
  const pieces: string[] = [];
  let current = "";
  const flush = () => {
    if (current.trim()) pieces.push(current.trim());
    current = "";
  };
  for (const paragraph of text.split(/\n{2,}/)) {
    const candidate = current ? `${current}\n\n${paragraph}` : paragraph;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    flush();
    if (paragraph.length <= max) {
      current = paragraph;
      continue;
    }
    for (const part of splitLong(paragraph, max)) {
      const joined = current ? `${current}\n${part}` : part;
      if (joined.length <= max) current = joined;
      else {
        flush();
        current = part;
      }
    }
  }
  flush();
  return pieces;
}

/** A paragraph longer than `max`: by lines, then by words, then by hard cuts. */
function splitLong(paragraph: string, max: number): string[] {
  const out: string[] = [];
  for (const line of paragraph.split("\n")) {
    if (line.length <= max) {
      out.push(line);
      continue;
    }
    let current = "";
    for (const word of line.split(" ")) {
      const candidate = current ? `${current} ${word}` : word;
      if (candidate.length <= max) {
        current = candidate;
        continue;
      }
      if (current) out.push(current);
      current = "";
      let rest = word;
      while (rest.length > max) {
        const cut = safeCut(rest, max);
        out.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      current = rest;
    }
    if (current) out.push(current);
  }
  return out;
}

/** Never cuts a surrogate pair (an emoji) in half. */
function safeCut(text: string, max: number): number {
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}
