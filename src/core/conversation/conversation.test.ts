import { describe, expect, it } from "vitest";
import { scriptedSearch, testEngine, testFaq } from "../test-engine.js";
import { followUpContent } from "./follow-up.js";
import { parseReference } from "./parse-reference.js";

describe("parseReference", () => {
  it.each([
    ["2", 2],
    ["2.", 2],
    ["số 2", 2],
    ["câu 3 ạ", 3],
    ["tôi chọn 1", 1],
    ["cái thứ hai", 2],
    ["cai thu hai", 2],
    ["thứ 3", 3],
    ["câu đầu tiên", 1],
    ["số một nhé", 1],
    ["7", 7],
  ])("reads %j as item %i", (text, index) => {
    expect(parseReference(text)).toEqual({ index });
  });

  it("reads 'câu cuối' as the last item", () => {
    expect(parseReference("câu cuối")).toEqual({ last: true });
    expect(parseReference("cái cuối cùng ạ")).toEqual({ last: true });
  });

  it.each([
    "ba",
    "năm",
    "hai vợ chồng ly hôn",
    "năm 2024 có tăng lương không",
    "con 2 tuổi có được trợ cấp không",
    "thủ tục ly hôn",
  ])("does not read %j as a reference", (text) => {
    expect(parseReference(text)).toBeUndefined();
  });
});

describe("followUpContent", () => {
  it.each([
    ["thế còn ô tô?", "ô tô"],
    ["the con o to", "o to"],
    ["vậy còn xe tải thì sao", "xe tải"],
    ["còn ô tô", "ô tô"],
    ["nếu là con nuôi thì sao", "con nuôi"],
    ["nếu không có di chúc thì sao ạ", "không có di chúc"],
    ["ô tô thì sao?", "ô tô"],
  ])("reads %j as a follow-up about %j", (text, content) => {
    expect(followUpContent(text)).toBe(content);
  });

  it.each([
    "con tôi 5 tuổi được hưởng chế độ gì",
    "thủ tục ly hôn đơn phương cần giấy tờ gì",
    "vượt đèn đỏ phạt bao nhiêu",
    "thế à",
    "nếu chồng không đồng ý ly hôn thì tôi có ly hôn được không",
  ])("does not read %j as a follow-up", (text) => {
    expect(followUpContent(text)).toBeUndefined();
  });
});

const choicesSearch = () =>
  scriptedSearch({
    "ly hôn": [
      ["a", 0.3],
      ["b", 0.28],
      ["c", 0.15],
    ],
  });

describe("the conversation context", () => {
  it("picks a choice from a number or 'cái thứ hai' typed right after the choices, without searching", async () => {
    const search = choicesSearch();
    const { say } = testEngine(search);
    expect((await say("ly hôn")).kind).toBe("choices");
    const second = await say("cái thứ hai");
    expect(second).toMatchObject({ kind: "answer", faqId: "b" });
    expect(search.queries).toEqual(["ly hôn"]);
  });

  it("after an answer, a number picks among the answer's suggestions", async () => {
    const related = [
      { id: "r1", question: "Câu hỏi r1?" },
      { id: "r2", question: "Câu hỏi r2?" },
    ];
    const search = scriptedSearch({ "vượt đèn đỏ": [["a", 0.6]] }, [
      testFaq("a", { relatedLinks: related }),
      testFaq("r1"),
      testFaq("r2"),
    ]);
    const { say } = testEngine(search);
    const answer = await say("vượt đèn đỏ");
    expect(answer.suggestions.map((s) => s.faqId)).toEqual(["r1", "r2"]);
    expect(await say("2")).toMatchObject({ kind: "answer", faqId: "r2" });
    expect(search.queries).toEqual(["vượt đèn đỏ"]);
  });

  it("asks what the citizen wants to know when a number comes with nothing listed before, and never searches it", async () => {
    const search = scriptedSearch({ "2": [["vneid-muc-2", 0.9]] });
    const { say } = testEngine(search);
    const reply = await say("2");
    expect(reply).toMatchObject({ kind: "fallback", intent: "unclear-reference" });
    expect(reply.text).toContain("bạn muốn hỏi gì");
    expect(search.queries).toEqual([]);
  });

  it("keeps the choices when the number is out of their range, and names the range", async () => {
    const { say } = testEngine(choicesSearch());
    await say("ly hôn");
    const reply = await say("5");
    expect(reply.intent).toBe("unclear-reference");
    expect(reply.text).toContain("từ 1 đến 3");
    expect(await say("3")).toMatchObject({ kind: "answer", faqId: "c" });
  });

  it("answers a follow-up from the previous question with the FAQ that names the new words", async () => {
    const moto = testFaq("den-do-xe-may", {
      question: "Xe máy vượt đèn đỏ bị phạt bao nhiêu?",
      variants: ["đi xe máy vượt đèn đỏ"],
    });
    const car = testFaq("den-do-o-to", {
      question: "Ô tô vượt đèn đỏ bị phạt bao nhiêu?",
      variants: ["lái ô tô vượt đèn đỏ"],
    });
    const search = scriptedSearch(
      {
        "xe máy vượt đèn đỏ phạt bao nhiêu": [
          ["den-do-xe-may", 0.7],
          ["den-do-o-to", 0.3],
        ],
        "xe máy vượt đèn đỏ phạt bao nhiêu ô tô": [
          ["den-do-xe-may", 0.6],
          ["den-do-o-to", 0.55],
        ],
        "ô tô": [["o-to-nong-do-con", 0.5]],
      },
      [moto, car],
    );
    const { say } = testEngine(search);
    expect((await say("xe máy vượt đèn đỏ phạt bao nhiêu")).faqId).toBe("den-do-xe-may");
    const followUp = await say("thế còn ô tô?");
    expect(followUp).toMatchObject({ kind: "answer", faqId: "den-do-o-to", intent: "follow-up" });
    // A second follow-up still follows the first question, not "ô tô".
    await say("thế còn ô tô?");
    expect(search.queries.at(-1)).toBe("xe máy vượt đèn đỏ phạt bao nhiêu ô tô");
  });

  it("treats a follow-up with no earlier question as a question of its own", async () => {
    const search = scriptedSearch({ "thế còn ô tô?": [["o-to", 0.6]] });
    const { say } = testEngine(search);
    expect(await say("thế còn ô tô?")).toMatchObject({ kind: "answer", faqId: "o-to" });
  });
});

describe("answers with alternatives", () => {
  it("answers the first FAQ when it is clearly ahead but not by the full lead, and lists the runners-up", async () => {
    const search = scriptedSearch({
      "khai sinh": [
        ["a", 0.5],
        ["b", 0.4],
        ["c", 0.3],
        ["d", 0.1],
      ],
    });
    const { say } = testEngine(search);
    const reply = await say("khai sinh");
    expect(reply).toMatchObject({ kind: "answer", faqId: "a" });
    expect(reply.suggestions.map((s) => s.faqId)).toEqual(["b", "c"]);
    expect(reply.text).toContain("Hoặc bạn muốn hỏi");
    expect(reply.text).toContain("1. Câu hỏi b?\n2. Câu hỏi c?");
    expect(reply.buttons.filter((b) => b.action.type === "choose").map((b) => b.label)).toEqual([
      "Câu hỏi b?",
      "Câu hỏi c?",
    ]);
    expect(await say("1")).toMatchObject({ kind: "answer", faqId: "b" });
  });

  it("offers choices when the first two are too close to call", async () => {
    const { say } = testEngine(
      scriptedSearch({
        "khai sinh": [
          ["a", 0.5],
          ["b", 0.48],
        ],
      }),
    );
    expect((await say("khai sinh")).kind).toBe("choices");
  });
});

describe("topics as buttons", () => {
  const search = () =>
    scriptedSearch({ "vượt đèn đỏ": [["den-do", 0.6]], "ly hôn": [["ly-hon", 0.6]] }, [
      testFaq("den-do"),
      testFaq("ly-hon", { topic: "hon-nhan-gia-dinh" }),
    ]);

  it("greets with the topics numbered in the text and as buttons", async () => {
    const { say } = testEngine(search());
    const greeting = await say("xin chào");
    expect(greeting.text).toContain("1. Hôn nhân\n2. Giao thông");
    expect(greeting.buttons.map((b) => b.action)).toEqual([
      { type: "topic", topic: "hon-nhan-gia-dinh" },
      { type: "topic", topic: "giao-thong" },
    ]);
  });

  it("lists a topic's questions when its button is pressed, and a typed number then picks one", async () => {
    const { engine, say } = testEngine(search());
    const topic = await engine.handle({
      channel: "telegram",
      sessionId: "s1",
      text: "Giao thông",
      action: { type: "topic", topic: "giao-thong" },
    });
    expect(topic).toMatchObject({ intent: "topic", topic: "giao-thong" });
    expect(topic.text).toContain("1. Câu hỏi den-do?");
    expect(await say("1")).toMatchObject({ kind: "answer", faqId: "den-do" });
  });

  it("opens a topic from its number typed after the greeting (Zalo has no buttons)", async () => {
    const { say } = testEngine(search());
    await say("chào bạn");
    const topic = await say("1");
    expect(topic).toMatchObject({ intent: "topic", topic: "hon-nhan-gia-dinh" });
    expect(topic.suggestions.map((s) => s.faqId)).toEqual(["ly-hon"]);
  });

  it("offers the topics as buttons on help and on a question it cannot answer", async () => {
    const { say } = testEngine(search());
    const help = await say("hướng dẫn");
    expect(help.buttons.filter((b) => b.action.type === "topic")).toHaveLength(2);
    const miss = await say("giá vàng hôm nay");
    expect(miss).toMatchObject({ kind: "fallback", intent: "no-match" });
    expect(miss.buttons.map((b) => b.action.type)).toEqual(["escalate", "topic", "topic"]);
    expect((await say("2")).topic).toBe("giao-thong");
  });
});

describe("out-of-scope questions", () => {
  it("declines a market-price question without searching, even when a FAQ holds its words", async () => {
    const search = scriptedSearch({ "giá vàng hôm nay": [["lua-dao-trung-thuong", 0.9]] });
    const { say } = testEngine(search);
    const reply = await say("giá vàng hôm nay");
    expect(reply).toMatchObject({ kind: "fallback", intent: "no-match" });
    expect(search.queries).toEqual([]);
  });
});
