import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFaqs } from "../src/content/index.js";
import { eventStreamKeys } from "../src/redis/index.js";
import { startTestApp, type TestApp } from "./support/in-process-app.js";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
}, 60_000);
afterAll(async () => {
  await app?.close();
});

async function faq(id: string) {
  const found = (await loadFaqs("content")).faqs.find((f) => f.id === id);
  if (!found) throw new Error(`no FAQ ${id}`);
  return found;
}

describe("POST /api/v1/ask", () => {
  it("answers a citizen's question with the FAQ, its legal basis and the general-information line", async () => {
    const divorce = await faq("ly-hon-don-phuong");
    const { status, body } = await app.ask({ text: divorce.question, sessionId: "s-answer" });
    expect(status).toBe(200);
    expect(body.kind).toBe("answer");
    expect(body.faqId).toBe("ly-hon-don-phuong");
    expect(body.confidence).toBeGreaterThan(0);
    expect(body.confidence).toBeLessThanOrEqual(1);
    expect(body.legalBasis[0]).toMatchObject({ document: expect.any(String) });
    expect(body.text).toMatch(/Căn cứ: .*Điều/);
    expect(body.text).toContain("thông tin pháp luật chung");
    expect(body.text).not.toMatch(/\{\{|\}\}/);
    expect(Array.isArray(body.suggestions)).toBe(true);
  });

  it("understands chat abbreviations and missing diacritics", async () => {
    const { body } = await app.ask({ text: "ck e ko ky don ly hon thi e co ly hon duoc ko" });
    expect(["answer", "choices"]).toContain(body.kind);
    const ids = [body.faqId, ...body.suggestions.map((s: { faqId: string }) => s.faqId)];
    expect(ids).toContain("ly-hon-don-phuong");
  });

  it("offers up to three choices for a vague question, and '2' picks the second", async () => {
    const first = await app.ask({ text: "sổ đỏ", sessionId: "s-choices" });
    expect(first.body.kind).toBe("choices");
    expect(first.body.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(first.body.suggestions.length).toBeLessThanOrEqual(3);
    expect(first.body.text).toMatch(/1\. .*\n2\. /);
    const second = await app.ask({ text: "2", sessionId: "s-choices" });
    expect(second.body.kind).toBe("answer");
    expect(second.body.faqId).toBe(first.body.suggestions[1].faqId);
  });

  it("lists a topic's common questions when its button is pressed (the app's search, metrics wrapper included)", async () => {
    const { status, body } = await app.ask({
      text: "Giao thông",
      sessionId: "s-topic",
      action: { type: "topic", topic: "giao-thong" },
    });
    expect(status).toBe(200);
    expect(body.intent).toBe("topic");
    expect(body.suggestions.length).toBeGreaterThanOrEqual(3);
    for (const s of body.suggestions) expect(s.faqId).toMatch(/^giaothong-/);
    const second = await app.ask({ text: "2", sessionId: "s-topic" });
    expect(second.body.kind).toBe("answer");
    expect(second.body.faqId).toBe(body.suggestions[1].faqId);
  });

  it("puts the emergency numbers first when someone is in danger now", async () => {
    const { body } = await app.ask({ text: "chồng tôi đang cầm dao đòi giết tôi" });
    expect(body.kind).toBe("emergency");
    expect(body.text.split("\n").slice(0, 3).join(" ")).toMatch(/113/);
  });

  it("declines a question outside the legal FAQ, and offers a person on the second miss", async () => {
    const first = await app.ask({ text: "công thức nấu phở bò ngon", sessionId: "s-miss" });
    expect(first.body.kind).toBe("fallback");
    expect(first.body.text).toContain("1800.1233");
    const second = await app.ask({ text: "đội bóng nào vô địch năm nay", sessionId: "s-miss" });
    expect(second.body.kind).toBe("escalate");
  });

  it("hands a request for a person to escalation, asking consent first, without searching", async () => {
    const { body } = await app.ask({ text: "cho tôi gặp luật sư" });
    expect(body.kind).toBe("escalate");
    expect(body.intent).toBe("intake-consent");
    expect(body.suggestions).toEqual([]);
  });

  it.each([
    ["an empty text", { text: "" }, 400],
    ["a text of 10 000 characters", { text: "a".repeat(10_000) }, 400],
    ["a number instead of text", { text: 123 }, 400],
    ["a null text", { text: null }, 400],
    ["no text at all", { sessionId: "abc" }, 400],
    ["a Telegram conversation's session id", { text: "tiếp tục", sessionId: "tg-555" }, 400],
    ["a Zalo conversation's session id", { text: "tiếp tục", sessionId: "zl-123" }, 400],
    ["an object as sessionId", { text: "ly hôn", sessionId: { a: 1 } }, 400],
    ["a sessionId with spaces", { text: "ly hôn", sessionId: "a b" }, 400],
    ["an array body", [1, 2], 400],
    ["an unknown action", { text: "x", action: { type: "hack" } }, 400],
  ])("answers %s with a 400 and a message a person understands", async (_name, body, status) => {
    const res = await app.ask(body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe("invalid_request");
    expect(res.body.error.message.length).toBeGreaterThan(5);
  });

  it("answers malformed JSON with a 400", async () => {
    const res = await app.ask('{"text": "ly hôn",');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("bad_json");
  });

  it("answers a body over 16 KB with a 413", async () => {
    const res = await app.ask({ text: "x", pad: "y".repeat(20_000) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("too_large");
  });

  it("answers a form post with a 415", async () => {
    const res = await fetch(`${app.baseUrl}/api/v1/ask`, {
      method: "POST",
      body: "text=hi",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(415);
  });

  it.each([
    ["only emoji", "😀😀😀"],
    ["control characters", "\u0000\u0007\u001b[31m\u200b"],
    ["HTML", "<script>alert(1)</script>"],
    ["a very long story", `${"Nhà tôi có chuyện dài lắm. ".repeat(70)}`.slice(0, 2000)],
  ])("answers %s politely with a 200, never a 500", async (_name, text) => {
    const res = await app.ask({ text });
    expect(res.status).toBe(200);
    expect(["fallback", "choices", "answer", "escalate"]).toContain(res.body.kind);
    expect(res.body.text).toMatch(/^Dạ|^[^<]/);
  });

  it("offers beside an emergency reply only FAQs that share the message's words", async () => {
    // Before: the top two search hits whatever their score — a helmet fine for a father unconscious after a fall.
    const fall = await app.ask({
      text: "ba em chạy xe bị té đầu đập xuống đường, ba em không trả lời em nữa",
    });
    expect(fall.body.kind).toBe("emergency");
    expect(fall.body.text).toContain("115");
    expect(fall.body.suggestions).toEqual([]);
    const scam = await app.ask({ text: "tôi đang bị lừa chuyển tiền, họ bảo tôi là công an" });
    expect(scam.body.kind).toBe("emergency");
    expect(scam.body.suggestions.map((x: { faqId: string }) => x.faqId)).toContain(
      "lua-dao-gia-danh-cong-an",
    );
  });

  it("puts the emergency numbers in the first lines of a reply that did not understand the message", async () => {
    // A danger told in words the detector does not know falls through to here: the numbers must still show.
    const first = await app.ask({ text: "ừm thì cái đó ấy mà", sessionId: "s-not-understood" });
    expect(first.body.kind).toBe("fallback");
    const again = await app.ask({ text: "ờ ờ cái kia kìa", sessionId: "s-not-understood" });
    for (const reply of [first.body, again.body]) {
      const opening = reply.text.split("\n\n")[0];
      for (const number of ["113", "114", "115"]) expect(opening).toContain(number);
    }
    // A case sent on to legal-aid staff (who answer in working hours) names them too.
    const urgent = await app.ask({ text: "mai tôi phải ra tòa mà chưa có luật sư", sessionId: "s-urgent" });
    expect(urgent.body.kind).toBe("escalate");
    for (const number of ["113", "114", "115"]) expect(urgent.body.text).toContain(number);
  });

  it("records one usage event per ask with a hashed session and no message text for answers", async () => {
    const key = eventStreamKeys.usage(app.config.redis.prefix);
    const before = await app.redis.xlen(key);
    await app.ask({ text: (await faq("ly-hon-don-phuong")).question, sessionId: "s-usage-raw-id" });
    await app.ask({ text: "gọi cho tôi số 0912345678 về thời tiết", sessionId: "s-usage-raw-id" });
    await new Promise((r) => setTimeout(r, 100));
    const entries = await app.redis.xrange(key, "-", "+");
    expect(entries.length).toBe(before + 2);
    const [answer, fallback] = entries.slice(-2).map(([, fields]) => JSON.parse(fields[1] ?? "{}"));
    expect(answer).toMatchObject({
      channel: "web",
      kind: "answer",
      faqId: "ly-hon-don-phuong",
      language: expect.any(String),
    });
    expect(answer.session).not.toContain("s-usage-raw-id");
    // The network is recorded only as a keyed hash (with the day), the same for both asks from it.
    expect(answer.origin).toMatch(/^[0-9a-f]{24}$/);
    expect(fallback.origin).toBe(answer.origin);
    expect(JSON.stringify(entries)).not.toMatch(/127\.0\.0\.1|::1|::ffff/);
    expect(answer.sample).toBeUndefined();
    expect(fallback.sample).toContain("[số điện thoại]");
    expect(JSON.stringify(entries)).not.toContain("0912345678");
  });
});

describe("GET /api/v1/faqs/:id", () => {
  it("returns a published FAQ with its organisation placeholders filled", async () => {
    const res = await fetch(`${app.baseUrl}/api/v1/faqs/ly-hon-don-phuong`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ id: "ly-hon-don-phuong", topic: "hon-nhan-gia-dinh" });
    expect(body.legalBasis.length).toBeGreaterThan(0);
    expect(body.variants.length).toBeGreaterThanOrEqual(5);
    expect(body.answer).not.toContain("{{");
  });

  it.each(["khong-co-that", "../../etc/passwd", "%00", "A".repeat(300)])(
    "returns a JSON 404 for %s",
    async (id) => {
      const res = await fetch(`${app.baseUrl}/api/v1/faqs/${encodeURIComponent(id)}`);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe("not_found");
    },
  );
});

describe("rate limits", () => {
  it("answers 429 with Retry-After when one session asks too often", async () => {
    const limited = await startTestApp({ RATE_LIMIT_SESSION_PER_MINUTE: "3" }, { index: false });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 5; i++) {
        const res = await limited.ask({ text: "xin chào", sessionId: "s-rate" });
        statuses.push(res.status);
        if (res.status === 429) retryAfter = res.headers.get("retry-after");
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
