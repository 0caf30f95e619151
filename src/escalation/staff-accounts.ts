import { createHash, randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { z } from "zod";
import type { Clock } from "../core/index.js";
import { defineScripts, luaScript, type ScriptCalls } from "../redis/index.js";
import { staffKeys } from "./case-keys.js";
import { StaffAccountExistsError } from "./errors.js";
import { DEFAULT_SCRYPT_COST, hashPassword, type ScryptCost, verifyPassword } from "./password-hash.js";

export const staffRoleSchema = z.enum(["staff", "supervisor", "admin"]);
export type StaffRole = z.infer<typeof staffRoleSchema>;

export const staffUsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, "Tên đăng nhập gồm 3–32 chữ cái không dấu, số, dấu chấm, gạch.");

export const staffPasswordSchema = z.string().min(10, "Mật khẩu cần ít nhất 10 ký tự.").max(256);

export const newStaffAccountSchema = z.object({
  username: staffUsernameSchema,
  role: staffRoleSchema,
  password: staffPasswordSchema,
});
export type NewStaffAccount = z.input<typeof newStaffAccountSchema>;

/** A staff account without its password hash. */
export interface StaffAccount {
  readonly username: string;
  readonly role: StaffRole;
  readonly createdAt: string;
}

/** A logged-in staff member, as looked up from a session token. */
export const staffSessionSchema = z.object({
  username: z.string(),
  role: staffRoleSchema,
  expiresAt: z.iso.datetime(),
  /** Sent back with every state-changing request; compared by the HTTP layer. */
  csrfToken: z.string(),
});
export type StaffSession = z.infer<typeof staffSessionSchema>;

export type LoginResult =
  | { readonly ok: true; readonly token: string; readonly session: StaffSession }
  | { readonly ok: false; readonly reason: "invalid" }
  | { readonly ok: false; readonly reason: "locked"; readonly retryAfterSeconds: number };

/** Options of {@link StaffAccounts}, checked once at construction. */
export interface StaffAccountsConfig {
  readonly prefix: string;
  /** Failed logins before an account is locked (default 10). */
  readonly maxFailedLogins?: number;
  /** How long failures are counted and a lock lasts (default 900 s). */
  readonly lockoutSeconds?: number;
  /** Session lifetime (default 8 hours, one working day). */
  readonly sessionTtlSeconds?: number;
  readonly scryptCost?: ScryptCost;
  readonly clock?: Clock;
}

const configSchema = z.object({
  prefix: z.string().min(1),
  maxFailedLogins: z.int().min(1).default(10),
  lockoutSeconds: z.int().min(1).default(900),
  sessionTtlSeconds: z
    .int()
    .min(60)
    .default(8 * 3600),
});

const scripts = {
  /** KEYS: account hash, usernames set. ARGV: username, role, hash, createdAt. Returns 1, or 0 when taken. */
  create: luaScript<number>(
    2,
    `
if redis.call("EXISTS", KEYS[1]) == 1 then return 0 end
redis.call("HSET", KEYS[1], "username", ARGV[1], "role", ARGV[2], "passwordHash", ARGV[3], "createdAt", ARGV[4])
redis.call("SADD", KEYS[2], ARGV[1])
return 1`,
  ),
};

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Staff accounts, login lockout and sessions in Redis. Session tokens are 32 random bytes given
 * to the browser once and stored only as their SHA-256, so a Redis dump cannot be replayed.
 */
export class StaffAccounts {
  readonly #redis: Redis;
  readonly #config: z.infer<typeof configSchema>;
  readonly #cost: ScryptCost;
  readonly #clock: Clock;
  readonly #keys: ReturnType<typeof staffKeys>;
  readonly #scripts: ScriptCalls<typeof scripts>;
  /** Verified when the username is unknown, so a miss takes as long as a wrong password. */
  #decoyHash: Promise<string> | undefined;

  constructor(redis: Redis, config: StaffAccountsConfig) {
    this.#redis = redis;
    this.#config = configSchema.parse(config);
    this.#cost = config.scryptCost ?? DEFAULT_SCRYPT_COST;
    this.#clock = config.clock ?? { now: () => new Date() };
    this.#keys = staffKeys(this.#config.prefix);
    this.#scripts = defineScripts(redis, "staff", scripts);
  }

  /** Creates an account; throws {@link StaffAccountExistsError} when the username is taken. */
  async create(input: NewStaffAccount): Promise<StaffAccount> {
    const { username, role, password } = newStaffAccountSchema.parse(input);
    const createdAt = this.#clock.now().toISOString();
    const hash = await hashPassword(password, this.#cost);
    const keys = [this.#keys.user(username), this.#keys.users];
    const created = await this.#scripts.create(keys, username, role, hash, createdAt);
    if (created !== 1) throw new StaffAccountExistsError(username);
    return { username, role, createdAt };
  }

  async get(username: string): Promise<StaffAccount | undefined> {
    const parsed = staffUsernameSchema.safeParse(username);
    if (!parsed.success) return undefined;
    const [role, createdAt] = await this.#redis.hmget(this.#keys.user(parsed.data), "role", "createdAt");
    const roleParsed = staffRoleSchema.safeParse(role);
    if (!roleParsed.success || !createdAt) return undefined;
    return { username: parsed.data, role: roleParsed.data, createdAt };
  }

  /** All usernames, sorted. */
  async list(): Promise<string[]> {
    return (await this.#redis.smembers(this.#keys.users)).sort();
  }

  /** Replaces the password and ends the lockout. */
  async setPassword(username: string, password: string): Promise<void> {
    const account = await this.get(username);
    if (!account) throw new Error(`no staff account ${username}`);
    const hash = await hashPassword(staffPasswordSchema.parse(password), this.#cost);
    await this.#redis
      .multi()
      .hset(this.#keys.user(account.username), "passwordHash", hash)
      .del(this.#keys.fail(account.username))
      .exec();
  }

  /** Lifts a lockout before it expires (an admin action). */
  async unlock(username: string): Promise<void> {
    await this.#redis.del(this.#keys.fail(username.trim().toLowerCase()));
  }

  /**
   * Checks a password. Failures are counted per username (known or not, so the answer does not
   * reveal which exist); after `maxFailedLogins` within `lockoutSeconds` every attempt is refused
   * until the window passes, even with the right password.
   */
  async login(username: string, password: string): Promise<LoginResult> {
    // Capped so a long junk username cannot create a long key.
    const name = username.trim().toLowerCase().slice(0, 64);
    const failKey = this.#keys.fail(name);
    const [failures, ttl] = await this.#lockState(failKey);
    if (failures >= this.#config.maxFailedLogins) {
      return { ok: false, reason: "locked", retryAfterSeconds: Math.max(ttl, 1) };
    }
    const parsedName = staffUsernameSchema.safeParse(name);
    const stored = parsedName.success
      ? await this.#redis.hget(this.#keys.user(parsedName.data), "passwordHash")
      : null;
    this.#decoyHash ??= hashPassword(randomBytes(16).toString("hex"), this.#cost);
    const valid = await verifyPassword(password, stored ?? (await this.#decoyHash));
    const account = stored && valid ? await this.get(name) : undefined;
    if (!account) {
      const lockout = this.#config.lockoutSeconds;
      const [[, count]] = (await this.#redis.multi().incr(failKey).expire(failKey, lockout, "NX").exec()) as [
        [Error | null, number],
      ];
      if (count < this.#config.maxFailedLogins) return { ok: false, reason: "invalid" };
      // The lock lasts the full period from the failure that set it, not what remains of the window.
      await this.#redis.expire(failKey, lockout);
      return { ok: false, reason: "locked", retryAfterSeconds: lockout };
    }
    await this.#redis.del(failKey);
    return this.#startSession(account);
  }

  async #lockState(failKey: string): Promise<[number, number]> {
    const [[, count], [, ttl]] = (await this.#redis.multi().get(failKey).ttl(failKey).exec()) as [
      [Error | null, string | null],
      [Error | null, number],
    ];
    return [Number(count ?? 0), ttl];
  }

  async #startSession(account: StaffAccount): Promise<LoginResult> {
    const token = randomBytes(32).toString("base64url");
    const ttl = this.#config.sessionTtlSeconds;
    const session: StaffSession = {
      username: account.username,
      role: account.role,
      expiresAt: new Date(this.#clock.now().getTime() + ttl * 1000).toISOString(),
      csrfToken: randomBytes(32).toString("base64url"),
    };
    await this.#redis.set(this.#keys.session(sha256(token)), JSON.stringify(session), "EX", ttl);
    return { ok: true, token, session };
  }

  /** The session for a token, with the account's current role; undefined when expired, unknown or deleted. */
  async session(token: string): Promise<StaffSession | undefined> {
    if (!token) return undefined;
    const raw = await this.#redis.get(this.#keys.session(sha256(token)));
    if (!raw) return undefined;
    const session = staffSessionSchema.safeParse(JSON.parse(raw));
    if (!session.success) return undefined;
    const account = await this.get(session.data.username);
    return account ? { ...session.data, role: account.role } : undefined;
  }

  async logout(token: string): Promise<void> {
    await this.#redis.del(this.#keys.session(sha256(token)));
  }
}
