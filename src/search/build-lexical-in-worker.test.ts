import { describe, expect, it } from "vitest";
import { rankedDoc } from "../../test/support/ranked-doc.js";
import { buildLexicalInWorker } from "./build-lexical-in-worker.js";
import { LexicalIndex, type RankedDoc } from "./lexical-index.js";

const doc = rankedDoc;
const CORPUS = [
  doc("ly-hon", "thu tuc ly hon", ["ly hon don phuong", "ly hôn thuận tình"]),
  doc("khai-sinh", "dang ky khai sinh", ["khai sinh cho con", "làm khai sinh ở đâu"]),
  doc("dat-dai", "tranh chap dat dai", ["hàng xóm lấn đất", "so do dat"]),
];

describe("building the ranking in a worker thread", () => {
  it("ranks exactly as the index built on this thread", async () => {
    const inWorker = await buildLexicalInWorker(CORPUS);
    const here = LexicalIndex.build(CORPUS);
    for (const q of ["ly hon", "khai sinh con", "hàng xóm lấn đất", "xin chao"])
      expect(inWorker.search(q, 3)).toEqual(here.search(q, 3));
    expect(inWorker.search("ly hon", 1)[0]?.faqId).toBe("ly-hon");
  });

  it("rejects, naming the failure, when the worker cannot build", async () => {
    const broken = [{ ...doc("x", "a", []), variants: null }] as unknown as RankedDoc[];
    await expect(buildLexicalInWorker(broken)).rejects.toThrow(/search ranking failed in its worker/);
  });
});
