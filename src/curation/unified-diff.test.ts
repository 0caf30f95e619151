import { describe, expect, it } from "vitest";
import { unifiedDiff } from "./unified-diff.js";

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i}`);

describe("unifiedDiff", () => {
  it("writes hunks with three lines of context and correct line numbers", () => {
    const before = lines(12);
    const after = [...before];
    after[1] = "changed 1";
    after.splice(10, 1);
    expect(unifiedDiff(`${before.join("\n")}\n`, `${after.join("\n")}\n`, { from: "a", to: "b" })).toBe(
      [
        "--- a",
        "+++ b",
        "@@ -1,5 +1,5 @@",
        " line 0",
        "-line 1",
        "+changed 1",
        " line 2",
        " line 3",
        " line 4",
        "@@ -8,5 +8,4 @@",
        " line 7",
        " line 8",
        " line 9",
        "-line 10",
        " line 11",
        "",
      ].join("\n"),
    );
  });

  it("is empty for equal texts and all additions for a new file", () => {
    expect(unifiedDiff("a\nb\n", "a\nb\n")).toBe("");
    expect(unifiedDiff("", "a\nb\n", { from: "/dev/null", to: "x" })).toBe(
      "--- /dev/null\n+++ x\n@@ -0,0 +1,2 @@\n+a\n+b\n",
    );
  });
});
