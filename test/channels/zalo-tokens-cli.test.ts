import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { type FakeZalo, startFakeZalo } from "../support/fake-zalo.js";
import { deleteKeys, randomName, redisClient, serviceEnv } from "../support/services.js";
import { ROOT } from "../support/spawn-app.js";

const run = promisify(execFile);
const redis = redisClient();
const prefix = randomName("zt");
let fake: FakeZalo;

beforeAll(async () => {
  fake = await startFakeZalo();
});
afterAll(async () => {
  await fake.close();
  await deleteKeys(redis, prefix);
  redis.disconnect();
});

function zaloTokens(args: string[]) {
  return run(process.execPath, ["--import", "tsx", path.join(ROOT, "src/cli/zalo-tokens.ts"), ...args], {
    cwd: ROOT,
    env: serviceEnv({ ...fake.env(), REDIS_URL: inject("redisUrl"), REDIS_PREFIX: prefix }),
  });
}

it("npm run zalo:tokens replaces the stored pair, which config variables never do", async () => {
  await redis.hset(`${prefix}:zalo:tokens`, { access: "dead", refresh: "dead-r", expiresAt: "1" });
  const { stdout } = await zaloTokens([
    "--access",
    "acc-new",
    "--refresh",
    "ref-new",
    "--expires-in",
    "90000",
  ]);
  expect(stdout).toContain("Đã thay cặp mã Zalo");
  const stored = await redis.hgetall(`${prefix}:zalo:tokens`);
  expect(stored).toMatchObject({ access: "acc-new", refresh: "ref-new" });
  expect(Number(stored.expiresAt)).toBeGreaterThan(Date.now() + 24 * 3_600_000);
  await expect(zaloTokens(["--access", "only-one"])).rejects.toMatchObject({
    stderr: expect.stringContaining("Cách dùng: npm run zalo:tokens"),
  });
}, 60_000);
