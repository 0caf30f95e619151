import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineScripts, luaScript } from "../../src/redis/index.js";
import { deleteKeys, randomName, redisClient } from "../support/services.js";

let redis: Redis;
let prefix: string;
const scripts = { bump: luaScript<number>(1, `return redis.call("INCRBY", KEYS[1], ARGV[1])`) };

beforeAll(() => {
  redis = redisClient();
  prefix = randomName("scripts");
});
afterAll(async () => {
  await deleteKeys(redis, prefix);
  await redis.quit();
});

describe("defineScripts", () => {
  it("runs a script by its hash, and again after the server forgot it (SCRIPT FLUSH, a restart)", async () => {
    const { bump } = defineScripts(redis, "test", scripts);
    expect(await bump([`${prefix}:n`], 2)).toBe(2);
    await redis.script("FLUSH");
    expect(await bump([`${prefix}:n`], 3)).toBe(5);
  });

  it("defines a name once per client and refuses other code under a name already taken", () => {
    const again = defineScripts(redis, "test", scripts);
    expect(typeof again.bump).toBe("function");
    expect(() => defineScripts(redis, "test", { bump: luaScript(1, "return 0") })).toThrow(/already defined/);
  });

  it("refuses a call with another number of keys than the script declares", async () => {
    const { bump } = defineScripts(redis, "test", scripts);
    expect(() => bump([`${prefix}:a`, `${prefix}:b`], 1)).toThrow(/takes 1 keys, got 2/);
  });
});
