import { detect } from "tinyld";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type FakeGoogleTranslate,
  startFakeGoogleTranslate,
} from "../../../test/support/fake-google-translate.js";
import { googleTranslator } from "../../translate/index.js";
import type { Cache } from "../ports.js";
import { CircuitBreaker } from "./circuit-breaker.js";
import { createTranslationService, type TranslationDeps } from "./translation-service.js";

const QUESTION = "How do I file for a unilateral divorce?";
const QUESTION_VI = "Làm thế nào để nộp đơn ly hôn đơn phương?";
const ANSWER_VI = "Dạ, bạn nộp đơn tại Tòa án nhân dân cấp huyện nơi vợ hoặc chồng cư trú.";
const ANSWER_EN = "You file the petition at the district People's Court where your spouse lives.";

/** An in-memory {@link Cache}; expiry is recorded, not enforced. */
function memoryCache(): Cache & { readonly entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    async get(key) {
      return entries.get(key) ?? null;
    },
    async set(key, value) {
      entries.set(key, value);
    },
  };
}

describe("createTranslationService", () => {
  let fake: FakeGoogleTranslate;

  beforeAll(async () => {
    fake = await startFakeGoogleTranslate({
      dictionary: { vi: { [QUESTION]: QUESTION_VI }, en: { [ANSWER_VI]: ANSWER_EN } },
    });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.setMode("ok");
    fake.requests.length = 0;
  });

  function service(overrides: Partial<TranslationDeps> = {}) {
    return createTranslationService({
      detect: (text) => detect(text),
      translator: googleTranslator({ host: fake.host, agent: fake.agent }),
      cache: memoryCache(),
      timeoutMs: 5_000,
      ...overrides,
    });
  }

  it("translates an English question to Vietnamese and the reply back to English", async () => {
    const translation = service();

    await expect(translation.toVietnamese(QUESTION)).resolves.toEqual({
      text: QUESTION_VI,
      language: "en",
      translated: true,
    });
    await expect(translation.fromVietnamese(ANSWER_VI, "en")).resolves.toEqual({
      text: ANSWER_EN,
      translated: true,
    });
    expect(fake.requests.map((r) => r.form)).toEqual([
      { sl: "en", tl: "vi", q: QUESTION },
      { sl: "vi", tl: "en", q: ANSWER_VI },
    ]);
  });

  it.each([
    "Tôi muốn ly hôn đơn phương thì làm thế nào?",
    "ly hon don phuong the nao",
    "lam sao de dang ky ket hon",
    "toi bi cong ty no luong thi phai lam gi",
  ])("never sends Vietnamese text to the translator: %s", async (text) => {
    await expect(service().toVietnamese(text)).resolves.toEqual({ text, language: "vi", translated: false });
    expect(fake.requests).toHaveLength(0);
  });

  it("never sends a reply to the translator when the citizen wrote Vietnamese", async () => {
    await expect(service().fromVietnamese(ANSWER_VI, "vi")).resolves.toEqual({
      text: ANSWER_VI,
      translated: false,
    });
    expect(fake.requests).toHaveLength(0);
  });

  it("never sends a phone number or an ID number to the translator", async () => {
    const text = "My phone is 0912345678 and my ID card is 012345678901, how do I get a divorce?";

    const result = await service().toVietnamese(text);

    expect(result.translated).toBe(true);
    expect(fake.requests).toHaveLength(1);
    const sent = fake.requests[0]?.form.q ?? "";
    expect(sent).not.toMatch(/0912345678|012345678901|\d{6,}/);
    expect(sent).toContain("[số điện thoại]");
    expect(sent).toContain("[số giấy tờ]");
  });

  it("serves a repeated message from the cache without calling the translator again", async () => {
    const cache = memoryCache();
    const translation = service({ cache });

    const first = await translation.toVietnamese(QUESTION);
    const second = await translation.toVietnamese(QUESTION);

    expect(second).toEqual(first);
    expect(fake.requests).toHaveLength(1);
    expect([...cache.entries.values()]).toEqual([QUESTION_VI]);
  });

  it("keeps the Vietnamese text, without throwing, when the translator does not answer in time", async () => {
    fake.setMode("hang");
    const errors: unknown[] = [];
    const translation = service({ timeoutMs: 200, onError: (error) => errors.push(error) });

    const started = Date.now();
    await expect(translation.fromVietnamese(ANSWER_VI, "en")).resolves.toEqual({
      text: ANSWER_VI,
      translated: false,
    });
    expect(Date.now() - started).toBeLessThan(3_000);
    await expect(translation.toVietnamese(QUESTION)).resolves.toEqual({
      text: QUESTION,
      language: "en",
      translated: false,
    });
    expect(errors).toHaveLength(2);
  });

  it("stops calling a rate-limited translator after three failures and tries again after the cool-down", async () => {
    let now = 1_000_000;
    const breaker = new CircuitBreaker(3, 60_000, () => now);
    const translation = service({ breaker });
    fake.setMode("429");

    for (let i = 0; i < 3; i++) {
      await expect(translation.toVietnamese(QUESTION)).resolves.toMatchObject({ translated: false });
    }
    expect(fake.requests).toHaveLength(3);
    expect(breaker.open).toBe(true);

    fake.setMode("ok");
    await expect(translation.toVietnamese(QUESTION)).resolves.toMatchObject({ translated: false });
    expect(fake.requests).toHaveLength(3);

    now += 60_000;
    await expect(translation.toVietnamese(QUESTION)).resolves.toEqual({
      text: QUESTION_VI,
      language: "en",
      translated: true,
    });
    expect(fake.requests).toHaveLength(4);
    expect(breaker.open).toBe(false);
  });
});
