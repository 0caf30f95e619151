import { describe, expect, it } from "vitest";
import { batchPerTick } from "./batch-per-tick.js";

describe("batchPerTick", () => {
  it("writes the calls of one turn of the event loop together, and later calls in a new batch", async () => {
    const writes: number[][] = [];
    const add = batchPerTick<number>(async (items) => {
      writes.push(items);
    });
    await Promise.all([add(1), add(2), add(3)]);
    await add(4);
    expect(writes).toEqual([[1, 2, 3], [4]]);
  });

  it("rejects every item of the batch when the write fails, even synchronously", async () => {
    const add = batchPerTick<number>(() => {
      throw new Error("Redis is down");
    });
    const results = await Promise.allSettled([add(1), add(2)]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
  });
});
