/** One step of a diff: kept, removed or added. */
export type DiffOp = { readonly kind: " " | "-" | "+"; readonly line: string };
type Op = DiffOp;

const MAX_CELLS = 4_000_000;

/**
 * Operations turning the sequence `a` into `b` (lines, or words), from a longest common
 * subsequence (FAQ files are small; past 4 million cells everything is removed and re-added).
 */
export function diffSequence(a: readonly string[], b: readonly string[]): Op[] {
  if (a.length * b.length > MAX_CELLS)
    return [
      ...a.map((line) => ({ kind: "-" as const, line })),
      ...b.map((line) => ({ kind: "+" as const, line })),
    ];
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i * width + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: " ", line: a[i] ?? "" });
      i++;
      j++;
    } else if (
      i < a.length &&
      (j === b.length || (lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0))
    ) {
      ops.push({ kind: "-", line: a[i] ?? "" });
      i++;
    } else {
      ops.push({ kind: "+", line: b[j] ?? "" });
      j++;
    }
  }
  return ops;
}

function splitLines(text: string): string[] {
  if (!text) return [];
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** A unified diff (`---`/`+++`, `@@` hunks with 3 lines of context) of two texts; empty when they are equal. */
export function unifiedDiff(
  before: string,
  after: string,
  names = { from: "a", to: "b" },
  context = 3,
): string {
  const ops = diffSequence(splitLines(before), splitLines(after));
  const changed = ops.flatMap((op, k) => (op.kind === " " ? [] : [k]));
  if (!changed.length) return "";
  const out = [`--- ${names.from}`, `+++ ${names.to}`];
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, (changed[k] ?? 0) - context);
    let end = (changed[k] ?? 0) + context;
    while (k + 1 < changed.length && (changed[k + 1] ?? 0) - context <= end + 1)
      end = (changed[++k] ?? 0) + context;
    k++;
    end = Math.min(ops.length - 1, end);
    // Line numbers at the hunk start: count what came before in each text.
    let oldLine = 1;
    let newLine = 1;
    for (const op of ops.slice(0, start)) {
      if (op.kind !== "+") oldLine++;
      if (op.kind !== "-") newLine++;
    }
    const hunk = ops.slice(start, end + 1);
    const oldCount = hunk.filter((op) => op.kind !== "+").length;
    const newCount = hunk.filter((op) => op.kind !== "-").length;
    out.push(
      `@@ -${oldCount ? oldLine : oldLine - 1},${oldCount} +${newCount ? newLine : newLine - 1},${newCount} @@`,
      ...hunk.map((op) => `${op.kind}${op.line}`),
    );
  }
  return `${out.join("\n")}\n`;
}
