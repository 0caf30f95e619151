import { spawn } from "node:child_process";
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { StaffAccounts } from "../../src/escalation/index.js";
import { deleteKeys, randomName, redisClient, serviceEnv } from "../support/services.js";

let redis: Redis;
let prefix: string;

/** Runs `npm run user:add`'s entry with `stdin` piped in. */
function userAdd(
  args: string[],
  stdin: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/user-add.ts", ...args], {
      env: serviceEnv({ REDIS_URL: inject("redisUrl"), REDIS_PREFIX: prefix }),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

beforeAll(() => {
  redis = redisClient();
});
afterAll(async () => {
  await redis.quit();
});
beforeEach(() => {
  prefix = randomName("useradd");
});
afterEach(async () => {
  await deleteKeys(redis, prefix);
});

describe("npm run user:add", () => {
  it("creates an account with the password from stdin, which can then log in", async () => {
    const run = await userAdd(["--username", "Lan.Nguyen", "--role", "supervisor"], "mật-khẩu-rất-dài\n");
    expect(run).toMatchObject({ code: 0, stdout: "Đã tạo tài khoản lan.nguyen (vai trò supervisor).\n" });
    const accounts = new StaffAccounts(redis, { prefix });
    expect(await accounts.get("lan.nguyen")).toMatchObject({ role: "supervisor" });
    const login = await accounts.login("lan.nguyen", "mật-khẩu-rất-dài");
    expect(login.ok).toBe(true);
  });

  it("refuses a duplicate username and keeps the first account's password", async () => {
    expect((await userAdd(["--username", "lan", "--role", "staff"], "mat-khau-dau-tien")).code).toBe(0);
    const again = await userAdd(["--username", "lan", "--role", "admin"], "mat-khau-thu-hai-1");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("Tài khoản lan đã có.");
    const accounts = new StaffAccounts(redis, { prefix });
    expect(await accounts.get("lan")).toMatchObject({ role: "staff" });
    expect((await accounts.login("lan", "mat-khau-dau-tien")).ok).toBe(true);
  });

  it("refuses a weak password, a bad role and a missing username without creating anything", async () => {
    const weak = await userAdd(["--username", "lan", "--role", "staff"], "ngan\n");
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain("Mật khẩu cần ít nhất 10 ký tự.");
    const role = await userAdd(["--username", "lan", "--role", "boss"], "mat-khau-dai-du-1\n");
    expect(role.code).toBe(1);
    expect(role.stderr).toContain("Vai trò phải là staff, supervisor hoặc admin.");
    const nameless = await userAdd(["--role", "staff"], "mat-khau-dai-du-1\n");
    expect(nameless.code).toBe(1);
    expect(nameless.stderr).toContain("Cách dùng: npm run user:add");
    expect(await new StaffAccounts(redis, { prefix }).list()).toEqual([]);
  });
});
