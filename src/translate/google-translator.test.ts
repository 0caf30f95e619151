import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type FakeGoogleTranslate,
  startFakeGoogleTranslate,
} from "../../test/support/fake-google-translate.js";
import { googleTranslator } from "./google-translator.js";

const options = () => ({ from: "en", to: "vi", signal: AbortSignal.timeout(5_000) });

describe("googleTranslator", () => {
  let fake: FakeGoogleTranslate;

  beforeAll(async () => {
    fake = await startFakeGoogleTranslate({
      dictionary: { vi: { "How do I register a marriage?": "Làm sao để đăng ký kết hôn?" } },
    });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.setMode("ok");
    fake.requests.length = 0;
  });

  it("translates English to Vietnamese through the translate_a/single endpoint", async () => {
    const translator = googleTranslator({ host: fake.host, agent: fake.agent });

    await expect(translator.translate("How do I register a marriage?", options())).resolves.toBe(
      "Làm sao để đăng ký kết hôn?",
    );
    expect(fake.requests).toEqual([
      {
        method: "POST",
        path: "/translate_a/single",
        form: { sl: "en", tl: "vi", q: "How do I register a marriage?" },
      },
    ]);
  });

  it("rejects with status 429 and Google's IP and URL when rate-limited", async () => {
    fake.setMode("429");
    const translator = googleTranslator({ host: fake.host, agent: fake.agent });

    const error = await translator.translate("Hello there", options()).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429 });
    expect(String(error)).toMatch(
      /IP: 1\.2\.3\.4, Time: \S+, Url: https:\/\/127\.0\.0\.1:\d+\/translate_a\/single\?client=at&dt=t/,
    );
  });

  it("rejects with status 500 when the server fails", async () => {
    fake.setMode("500");
    const translator = googleTranslator({ host: fake.host, agent: fake.agent });

    await expect(translator.translate("Hello there", options())).rejects.toMatchObject({ status: 500 });
  });

  it("rejects when the signal aborts before the server answers", async () => {
    fake.setMode("hang");
    const translator = googleTranslator({ host: fake.host, agent: fake.agent });

    await expect(
      translator.translate("Hello there", { from: "en", to: "vi", signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow(/abort/i);
  });

  it("refuses a server whose certificate it does not trust", async () => {
    const translator = googleTranslator({ host: fake.host });

    await expect(translator.translate("Hello there", options())).rejects.toThrow(/certificate/i);
  });
});
