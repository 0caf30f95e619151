import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { ConfigError } from "../../src/errors/index.js";

describe("channel configuration", () => {
  it("turns a channel on only when its secrets are set", () => {
    const off = loadConfig({});
    expect(off.channels.telegram).toBeUndefined();
    expect(off.channels.zalo).toBeUndefined();
    const on = loadConfig({
      TELEGRAM_BOT_TOKEN: "123:abc-DEF_ghi",
      ZALO_APP_ID: "3608465249409039670",
      ZALO_OA_SECRET_KEY: "oa-key",
    });
    expect(on.channels.telegram).toMatchObject({ apiRoot: "https://api.telegram.org", ratePerSecond: 30 });
    expect(on.channels.telegram?.webhook).toBeUndefined();
    expect(on.channels.zalo).toMatchObject({ replyWindowHours: 168, signatureMaxAgeSeconds: 10_800 });
    expect(loadConfig({ ZALO_APP_ID: "1" }).channels.zalo).toBeUndefined();
  });

  it("mounts the Telegram webhook at the path of TELEGRAM_WEBHOOK_URL and requires its secret", () => {
    const env = { TELEGRAM_BOT_TOKEN: "123:abc", TELEGRAM_WEBHOOK_URL: "https://bot.example.vn/webhooks/tg" };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(/TELEGRAM_WEBHOOK_SECRET got nothing/);
    const config = loadConfig({ ...env, TELEGRAM_WEBHOOK_SECRET: "x".repeat(20) });
    expect(config.channels.telegram?.webhook).toEqual({
      url: "https://bot.example.vn/webhooks/tg",
      path: "/webhooks/tg",
      secret: "x".repeat(20),
    });
  });

  it("refuses a Telegram webhook URL that is not https (or on a port Telegram does not call) at start", () => {
    const base = { TELEGRAM_BOT_TOKEN: "123:abc", TELEGRAM_WEBHOOK_SECRET: "x".repeat(20) };
    for (const url of ["http://bot.example.vn/webhooks/tg", "https://bot.example.vn:3000/webhooks/tg"]) {
      expect(() => loadConfig({ ...base, TELEGRAM_WEBHOOK_URL: url })).toThrow(
        `Config error: TELEGRAM_WEBHOOK_URL got ${JSON.stringify(url)}, expected an https URL with a path`,
      );
    }
    const ok = loadConfig({ ...base, TELEGRAM_WEBHOOK_URL: "https://bot.example.vn:8443/webhooks/tg" });
    expect(ok.channels.telegram?.webhook?.path).toBe("/webhooks/tg");
  });

  it("never prints a channel secret in the error message", () => {
    for (const [key, value] of [
      ["TELEGRAM_BOT_TOKEN", "not a token"],
      ["TELEGRAM_WEBHOOK_SECRET", "short"],
    ]) {
      try {
        loadConfig({ [key as string]: value });
        expect.unreachable();
      } catch (error) {
        expect(String(error)).toContain(key);
        expect(String(error)).not.toContain(value);
      }
    }
  });
});
