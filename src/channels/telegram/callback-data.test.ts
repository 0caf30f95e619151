import { describe, expect, it } from "vitest";
import type { Action } from "../../core/index.js";
import { decodeAction, encodeAction } from "./callback-data.js";

describe("callback data", () => {
  const actions: Action[] = [
    { type: "choose", faqId: "hon-nhan-ly-hon-don-phuong" },
    { type: "feedback", faqId: "hinh-su-tro-giup-phap-ly-mien-phi", value: "up" },
    { type: "feedback", faqId: "hinh-su-tro-giup-phap-ly-mien-phi", value: "down" },
    { type: "escalate" },
    { type: "help" },
    { type: "topic", topic: "tro-giup-xa-hoi" },
  ];

  it("round-trips every engine action within Telegram's 64 bytes", () => {
    for (const action of actions) {
      const data = encodeAction(action);
      expect(data).toBeDefined();
      expect(Buffer.byteLength(data ?? "")).toBeLessThanOrEqual(64);
      expect(decodeAction(data ?? "")).toEqual(action);
    }
    expect(encodeAction({ type: "escalate" })).toBe("e");
    expect(encodeAction({ type: "choose", faqId: "abc" })).toBe("c:abc");
    expect(encodeAction({ type: "feedback", faqId: "abc", value: "down" })).toBe("f:d:abc");
    expect(encodeAction({ type: "topic", topic: "dat-dai" })).toBe("t:dat-dai");
  });

  it("round-trips quick replies and leaving the case thread", () => {
    for (const action of [
      { type: "answer", text: "5" },
      { type: "answer", text: "có" },
      { type: "answer", text: "2 5 12" },
      { type: "leave-thread" },
    ] as const) {
      expect(decodeAction(encodeAction(action) ?? "")).toEqual(action);
    }
    expect(encodeAction({ type: "leave-thread" })).toBe("l");
    expect(encodeAction({ type: "answer", text: "<b>x</b>" })).toBeUndefined();
    expect(decodeAction("a:<script>")).toBeUndefined();
    expect(decodeAction("a:")).toBeUndefined();
  });

  it("leaves out a button whose data would not fit", () => {
    expect(encodeAction({ type: "choose", faqId: "a".repeat(63) })).toBeUndefined();
  });

  it("ignores callback data it did not produce", () => {
    for (const data of [
      "",
      "x",
      "c:",
      "c:ABC",
      "f:x:abc",
      "f:u:",
      "c:abc def",
      "c:../../etc",
      "t:",
      "t:Dat Dai",
    ]) {
      expect(decodeAction(data)).toBeUndefined();
    }
  });
});
