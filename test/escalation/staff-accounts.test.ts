import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { StaffAccountExistsError, StaffAccounts } from "../../src/escalation/index.js";
import { deleteKeys, randomName, redisClient } from "../support/services.js";

let redis: Redis;
let prefix: string;
let accounts: StaffAccounts;
const fast = { N: 2 ** 10, r: 8, p: 1 };
const password = "mat-khau-dai-du";

beforeAll(() => {
  redis = redisClient();
});
afterAll(async () => {
  await redis.quit();
});
beforeEach(async () => {
  prefix = randomName("staff");
  accounts = new StaffAccounts(redis, { prefix, scryptCost: fast, sessionTtlSeconds: 600 });
  await accounts.create({ username: "Lan.Nguyen", role: "staff", password });
});
afterEach(async () => {
  await deleteKeys(redis, prefix);
});

describe("StaffAccounts", () => {
  it("creates an account with a lower-cased username and never stores the password", async () => {
    expect(await accounts.get("lan.nguyen")).toMatchObject({ username: "lan.nguyen", role: "staff" });
    expect(await accounts.list()).toEqual(["lan.nguyen"]);
    const stored = await redis.hgetall(`${prefix}:staff:user:lan.nguyen`);
    expect(JSON.stringify(stored)).not.toContain(password);
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
  });

  it("refuses a second account with the same username, a bad role and a short password", async () => {
    await expect(accounts.create({ username: "lan.nguyen", role: "admin", password })).rejects.toBeInstanceOf(
      StaffAccountExistsError,
    );
    expect((await accounts.get("lan.nguyen"))?.role).toBe("staff");
    await expect(accounts.create({ username: "binh", role: "root" as "admin", password })).rejects.toThrow();
    await expect(accounts.create({ username: "binh", role: "admin", password: "short" })).rejects.toThrow(
      /ít nhất 10/,
    );
  });

  it("logs in with the right password and gives a session found by its token", async () => {
    const result = await accounts.login(" LAN.nguyen ", password);
    if (!result.ok) throw new Error("login failed");
    expect(Buffer.from(result.token, "base64url")).toHaveLength(32);
    expect(await accounts.session(result.token)).toEqual(result.session);
    expect(result.session).toMatchObject({ username: "lan.nguyen", role: "staff" });
    expect(await redis.ttl(await onlySessionKey())).toBeGreaterThan(590);
  });

  it("stores a session under the token's hash, never the token itself", async () => {
    const result = await accounts.login("lan.nguyen", password);
    if (!result.ok) throw new Error("login failed");
    expect(await onlySessionKey()).not.toContain(result.token);
    expect(await redis.get(await onlySessionKey())).not.toContain(result.token);
  });

  it("forgets a session on logout and does not know a made-up token", async () => {
    const result = await accounts.login("lan.nguyen", password);
    if (!result.ok) throw new Error("login failed");
    await accounts.logout(result.token);
    expect(await accounts.session(result.token)).toBeUndefined();
    expect(await accounts.session("not-a-token")).toBeUndefined();
    expect(await accounts.session("")).toBeUndefined();
  });

  it("answers a wrong password and an unknown username the same way", async () => {
    expect(await accounts.login("lan.nguyen", "wrong password")).toEqual({ ok: false, reason: "invalid" });
    expect(await accounts.login("nobody", password)).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an account after 10 wrong passwords, even against the right one, until unlocked", async () => {
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await accounts.login("lan.nguyen", `wrong ${i}`));
    expect(results.slice(0, 9).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results[9]).toEqual({ ok: false, reason: "locked", retryAfterSeconds: 900 });
    const locked = await accounts.login("lan.nguyen", password);
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    await accounts.unlock("lan.nguyen");
    expect((await accounts.login("lan.nguyen", password)).ok).toBe(true);
  });

  it("uses the configured lockout threshold and clears failures after a good login", async () => {
    const strict = new StaffAccounts(redis, { prefix, scryptCost: fast, maxFailedLogins: 3 });
    await strict.login("lan.nguyen", "wrong 1");
    await strict.login("lan.nguyen", "wrong 2");
    expect((await strict.login("lan.nguyen", password)).ok).toBe(true);
    await strict.login("lan.nguyen", "wrong 3");
    await strict.login("lan.nguyen", "wrong 4");
    expect(await strict.login("lan.nguyen", "wrong 5")).toMatchObject({ reason: "locked" });
  });

  it("drops a session when its account no longer exists and shows a changed role at once", async () => {
    const result = await accounts.login("lan.nguyen", password);
    if (!result.ok) throw new Error("login failed");
    await redis.hset(`${prefix}:staff:user:lan.nguyen`, "role", "supervisor");
    expect((await accounts.session(result.token))?.role).toBe("supervisor");
    await redis.del(`${prefix}:staff:user:lan.nguyen`);
    expect(await accounts.session(result.token)).toBeUndefined();
  });

  it("accepts a new password and refuses the old one", async () => {
    await accounts.setPassword("lan.nguyen", "mat-khau-moi-hon");
    expect((await accounts.login("lan.nguyen", password)).ok).toBe(false);
    expect((await accounts.login("lan.nguyen", "mat-khau-moi-hon")).ok).toBe(true);
  });
});

async function onlySessionKey(): Promise<string> {
  // SCAN pages through the whole keyspace: one call may miss the key when Redis holds many others.
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, page] = await redis.scan(cursor, "MATCH", `${prefix}:staff:session:*`, "COUNT", 1000);
    keys.push(...page);
    cursor = next;
  } while (cursor !== "0");
  expect(keys).toHaveLength(1);
  return keys[0] as string;
}
