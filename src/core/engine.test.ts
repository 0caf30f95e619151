import { describe, expect, it } from "vitest";
import type { FaqHit, FaqRecord, FaqSearch } from "./ports.js";
import { testEngine } from "./test-engine.js";

const faq = (id: string, question: string): FaqRecord => ({
  id,
  question,
  answer: `Trả lời cho ${id}. Gọi {{org.legalAidPhone}}.\n\n## Chi tiết\n- ý một`,
  topic: "hon-nhan-gia-dinh",
  legalBasis: [
    {
      document: "Luật Hôn nhân và gia đình 2014",
      number: "52/2014/QH13",
      article: "Điều 56",
      clause: "khoản 1",
    },
  ],
  related: [],
});

/** A search fake: returns the scripted hits for a query, or throws when `down`. */
function fakeSearch(
  script: Record<string, [string, number][]>,
  state = { down: false, calls: 0 },
): FaqSearch & { state: typeof state } {
  const all = new Map(
    Object.values(script)
      .flat()
      .map(([id]) => [id, faq(id, `Câu hỏi ${id}?`)]),
  );
  return {
    state,
    async search(query) {
      state.calls += 1;
      if (state.down) throw new Error("meilisearch down");
      return (script[query] ?? []).map(([id, score]): FaqHit => ({ faq: all.get(id) as FaqRecord, score }));
    },
    async get(id) {
      return all.get(id);
    },
  };
}

/** The engine tests' thresholds: a small lead answers, no coverage rule, no answers with alternatives. */
function engineWith(search: FaqSearch) {
  return testEngine(search, { answerMinGap: 0.05, answerMinCoverage: 0, alternativesMaxRatio: undefined });
}

const ask = (text: string, sessionId = "s1") => ({ channel: "web" as const, sessionId, text });

describe("the answer engine", () => {
  it("answers a confident match with the basis line, the general-information line and filled placeholders", async () => {
    const { engine } = engineWith(
      fakeSearch({
        "ly hôn đơn phương": [
          ["a", 0.5],
          ["b", 0.2],
        ],
      }),
    );
    const reply = await engine.handle(ask("Ly hôn   đơn phương"));
    expect(reply.kind).toBe("answer");
    expect(reply.faqId).toBe("a");
    expect(reply.text).toContain("Gọi SĐT-VÍ-DỤ.");
    expect(reply.text).toContain("Chi tiết:\n• ý một");
    expect(reply.text).toContain("Căn cứ: khoản 1 Điều 56 Luật Hôn nhân và gia đình 2014 (52/2014/QH13).");
    expect(reply.text).toContain("thông tin pháp luật chung");
    expect(reply.buttons.map((b) => b.action.type)).toEqual(["feedback", "feedback", "escalate"]);
  });

  it("offers choices when the first two are close, and a typed number picks one", async () => {
    const { engine } = engineWith(
      fakeSearch({
        "ly hôn": [
          ["a", 0.3],
          ["b", 0.28],
          ["c", 0.15],
          ["d", 0.05],
        ],
      }),
    );
    const choices = await engine.handle(ask("ly hôn"));
    expect(choices.kind).toBe("choices");
    expect(choices.suggestions.map((s) => s.faqId)).toEqual(["a", "b", "c"]);
    const picked = await engine.handle(ask("2"));
    expect(picked.kind).toBe("answer");
    expect(picked.faqId).toBe("b");
  });

  it("falls back when nothing scores, then offers a person on the second miss", async () => {
    const { engine } = engineWith(fakeSearch({}));
    expect((await engine.handle(ask("thời tiết"))).kind).toBe("fallback");
    const second = await engine.handle(ask("bóng đá"));
    expect(second.kind).toBe("escalate");
    expect(second.text).toContain("1800.1233");
  });

  it("checks for danger before anything else, even with pending choices", async () => {
    const search = fakeSearch({
      "ly hôn": [
        ["a", 0.3],
        ["b", 0.28],
      ],
    });
    const { engine } = engineWith(search);
    await engine.handle(ask("ly hôn"));
    const reply = await engine.handle(ask("chồng tôi đang cầm dao đòi giết tôi"));
    expect(reply.kind).toBe("emergency");
    expect(reply.text.indexOf("113")).toBeLessThan(reply.text.indexOf("Trung tâm"));
  });

  it.each([
    ["bà tôi tự nhiên gục xuống, gọi mãi không dậy", "medical", "115"],
    ["bếp nhà em đang xì gas nồng nặc", "gas-explosion", "114"],
    ["xe tải vừa tông xe máy, người lái nằm bất động giữa đường", "traffic-accident", "115"],
  ])("names the number for the kind of danger first: %j", async (text, category, first) => {
    const { engine } = engineWith(fakeSearch({}));
    const reply = await engine.handle(ask(text));
    expect(reply.emergency).toBe(category);
    expect(reply.text.match(/\b11[1345]\b/)?.[0]).toBe(first);
  });

  it("answers greetings and requests for a person without searching", async () => {
    const search = fakeSearch({});
    const { engine } = engineWith(search);
    expect((await engine.handle(ask("xin chào"))).intent).toBe("greeting");
    expect((await engine.handle(ask("cho tôi gặp luật sư"))).kind).toBe("escalate");
    expect(search.state.calls).toBe(0);
  });

  it("gives the hotline politely when search fails", async () => {
    const search = fakeSearch({ x: [["a", 0.9]] }, { down: true, calls: 0 });
    const { engine } = engineWith(search);
    const reply = await engine.handle(ask("ly hôn"));
    expect(reply.kind).toBe("fallback");
    expect(reply.text).toContain("1800.1233");
  });

  it("records one usage event per message, with a hashed session and a scrubbed sample only for misses", async () => {
    const { engine, events } = engineWith(fakeSearch({ "ly hôn đơn phương": [["a", 0.5]] }));
    await engine.handle(ask("ly hôn đơn phương", "raw-session"));
    await engine.handle(ask("gọi 0912345678 giúp tôi về thời tiết", "raw-session"));
    await new Promise((r) => setTimeout(r, 0));
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      kind: "answer",
      faqId: "a",
      session: "h(raw-session)",
      channel: "web",
    });
    expect(events[0]?.sample).toBeUndefined();
    expect(events[1]?.sample).toContain("[số điện thoại]");
    expect(JSON.stringify(events)).not.toContain("0912345678");
  });

  it("keeps what the citizen typed as the miss's sample, with the searched form beside it when that differs", async () => {
    const { engine, events } = engineWith(fakeSearch({}));
    await engine.handle(ask("Ck e ko ky don, SĐT 0912345678", "s-typed"));
    await engine.handle(ask("thời tiết hôm nay", "s-typed-2"));
    await new Promise((r) => setTimeout(r, 0));
    expect(events[0]?.sample).toBe("Ck e ko ky don, SĐT [số điện thoại]");
    expect(events[0]?.normalized).toMatch(/chồng em không/);
    expect(events[0]?.normalized).not.toContain("0912345678");
    expect(events[1]?.sample).toBe("thời tiết hôm nay");
    expect(events[1]?.normalized).toBeUndefined();
  });

  it("forgets the conversation when the citizen asks to delete their data and confirms", async () => {
    const { engine } = engineWith(
      fakeSearch({
        "ly hôn": [
          ["a", 0.3],
          ["b", 0.28],
        ],
      }),
    );
    await engine.handle(ask("ly hôn"));
    expect((await engine.handle(ask("xóa dữ liệu của tôi"))).intent).toBe("delete-confirm");
    const deleted = await engine.handle(ask("XÓA"));
    expect(deleted.intent).toBe("delete-data");
    expect((await engine.handle(ask("2"))).kind).not.toBe("answer");
  });

  it("refuses a 👎 for a FAQ the conversation was never shown, and counts one it was shown", async () => {
    const { engine, events } = engineWith(
      fakeSearch({
        "ly hôn đơn phương": [
          ["a", 0.5],
          ["b", 0.2],
        ],
      }),
    );
    const vote = (faqId: string) =>
      engine.handle({ ...ask("👎 Chưa đúng ý"), action: { type: "feedback", faqId, value: "down" } });
    const planted = await vote("b");
    expect(planted.intent).toBe("feedback-refused");
    expect(events.at(-1)).toMatchObject({ intent: "feedback-refused" });
    expect(events.at(-1)?.faqId).toBeUndefined();
    await engine.handle(ask("ly hôn đơn phương"));
    expect((await vote("a")).intent).toBe("feedback-down");
    expect(events.at(-1)).toMatchObject({ intent: "feedback-down", faqId: "a" });
  });

  it("asks for words when the message has none", async () => {
    const { engine } = engineWith(fakeSearch({}));
    const reply = await engine.handle(ask("😀😀 \u0000"));
    expect(reply.kind).toBe("fallback");
    expect(reply.intent).toBe("empty");
  });
});
