import type { Redis } from "ioredis";
import { type Clock, foldWords } from "../core/index.js";
import { defineScripts } from "../redis/index.js";
import { caseKeys } from "./case-keys.js";
import {
  type CaseAuditEntry,
  type CaseStatus,
  caseAuditEntrySchema,
  type LegalAidCase,
  legalAidCaseSchema,
  newCaseInputSchema,
} from "./case-schema.js";
import { caseScripts, THREAD_TTL_SECONDS } from "./case-scripts.js";
import type { CaseList, CaseStore, CaseSummary, CaseThreadPointer } from "./case-store.js";
import { CaseActionDeniedError, CaseNotFoundError, CaseStateError } from "./errors.js";

/** Options of {@link redisCaseStore}. */
export interface RedisCaseStoreConfig {
  /** Key prefix, e.g. `tlpl`; every key lives under `<prefix>:case…`. */
  readonly prefix: string;
  readonly clock?: Clock;
}

/** Case codes count per year in Vietnam's time zone (UTC+7), so a case at 00:30 on 1 January is next year's. */
const VN_OFFSET_MS = 7 * 3_600_000;
const SUMMARY_FIELDS = [
  "status",
  "channel",
  "topic",
  "commune",
  "eligibilityResult",
  "contactPreference",
  "createdAt",
  "firstResponseDueAt",
  "claimedBy",
  "unread",
] as const;

/** Cases in Redis: one hash per case, a notes list, an audit stream, and sorted-set indexes. */
export function redisCaseStore(redis: Redis, config: RedisCaseStoreConfig): CaseStore {
  const { prefix } = config;
  const clock = config.clock ?? { now: () => new Date() };
  const keys = caseKeys(prefix);
  const scripts = defineScripts(redis, "cases", caseScripts);

  async function read(id: string): Promise<LegalAidCase | undefined> {
    const [[, hash], [, notes]] = (await redis
      .multi()
      .hgetall(keys.hash(id))
      .lrange(keys.notes(id), 0, -1)
      .exec()) as [[Error | null, Record<string, string>], [Error | null, string[]]];
    if (!hash.status) return undefined;
    return legalAidCaseSchema.parse({
      ...hash,
      eligibility: JSON.parse(hash.eligibility ?? "null"),
      transcript: JSON.parse(hash.transcript ?? "[]"),
      shownFaqIds: JSON.parse(hash.shownFaqIds ?? "[]"),
      notes: notes.map((n) => JSON.parse(n)),
    });
  }

  /** The queue rows of these cases, in order; a case gone meanwhile is left out. */
  async function summaries(ids: readonly string[]): Promise<CaseSummary[]> {
    const now = clock.now().getTime();
    const pipeline = redis.pipeline();
    for (const id of ids) pipeline.hmget(keys.hash(id), ...SUMMARY_FIELDS);
    const rows = ids.length ? ((await pipeline.exec()) ?? []) : [];
    const cases: CaseSummary[] = [];
    ids.forEach((id, i) => {
      const values = rows[i]?.[1] as (string | null)[] | undefined;
      if (!values?.[0]) return;
      const [status, channel, topic, commune, eligibility, contact, createdAt, dueAt, claimedBy, unread] =
        values;
      cases.push({
        id,
        status: status as CaseStatus,
        unread: Number(unread ?? 0) || 0,
        channel: channel as CaseSummary["channel"],
        topic: topic ?? "",
        commune: commune ?? "",
        eligibility: eligibility as CaseSummary["eligibility"],
        contactPreference: contact as CaseSummary["contactPreference"],
        createdAt: createdAt ?? "",
        firstResponseDueAt: dueAt ?? "",
        ...(claimedBy ? { claimedBy } : {}),
        overdue: status !== "answered" && status !== "closed" && Date.parse(dueAt ?? "") < now,
      });
    });
    return cases;
  }

  async function mustRead(id: string): Promise<LegalAidCase> {
    const found = await read(id);
    if (!found) throw new CaseNotFoundError(id);
    return found;
  }

  /** A guarded script's answer: "ok", "missing", "not-holder" (the guard failed) or the case's status. */
  function check(id: string, result: unknown, action: string): void {
    if (result === "missing") throw new CaseNotFoundError(id);
    if (result === "not-holder") throw new CaseActionDeniedError(id, "not-holder", action);
    if (result !== "ok") throw new CaseStateError(id, String(result), action);
  }

  return {
    async create(raw, by = "citizen") {
      const input = newCaseInputSchema.parse(raw);
      const now = clock.now();
      const at = now.toISOString();
      const year = new Date(now.getTime() + VN_OFFSET_MS).getUTCFullYear();
      // The sequence is taken first (its value names the keys); a crash before the write leaves a gap, never a duplicate.
      const seq = await redis.incr(keys.counter(year));
      const id = `TGPL-${year}-${String(seq).padStart(6, "0")}`;
      const record: LegalAidCase = legalAidCaseSchema.parse({
        ...input,
        id,
        status: "open",
        notes: [],
        createdAt: at,
        updatedAt: at,
      });
      const fields: string[] = [];
      for (const [field, value] of Object.entries(record)) {
        if (value === undefined || field === "notes") continue;
        fields.push(field, typeof value === "string" ? value : JSON.stringify(value));
      }
      // A plain copy of the screening result, so the queue script can filter on it without decoding JSON.
      fields.push("eligibilityResult", record.eligibility.result);
      // An accent-folded copy of the commune, so staff find "Phường Ví Dụ" by typing "vi du".
      fields.push("communeKey", foldWords(record.commune));
      const dueMs = Date.parse(record.firstResponseDueAt);
      const threaded = record.contactPreference === "chat" && record.conversationId !== undefined;
      const written = await scripts.createCase(
        [
          keys.hash(id),
          keys.open,
          keys.citizen(record.citizenKey),
          keys.audit(id),
          keys.intake(input.intakeKey ?? ""),
          keys.thread(record.citizenKey),
        ],
        id,
        dueMs,
        at,
        by,
        input.intakeKey ? "1" : "",
        threaded ? "1" : "",
        ...fields,
      );
      if (typeof written === "string") return { ...(await mustRead(written)), existing: true };
      if (written !== 1) throw new CaseStateError(id, "exists", "create");
      return record;
    },

    get: read,

    async listOpen(filter = {}) {
      const now = clock.now().getTime();
      const offset = filter.offset ?? 0;
      const limit = filter.limit ?? 50;
      const overdue = filter.overdue === undefined ? "" : filter.overdue ? "1" : "0";
      const [open, claimed, answered, overdueCount, matching, ids] = await scripts.listOpen(
        [keys.open],
        keys.hash(""),
        now,
        filter.status ?? "",
        filter.topic ?? "",
        filter.channel ?? "",
        filter.eligibility ?? "",
        overdue,
        offset,
        limit,
        filter.visibleTo ?? "",
      );
      const cases = await summaries(ids);
      const list: CaseList = {
        cases,
        matching,
        counts: {
          total: open + claimed + answered,
          overdue: overdueCount,
          byStatus: { open, claimed, answered },
        },
      };
      return list;
    },

    async listClosed(filter = {}) {
      const [matching, ids] = await scripts.listClosed(
        [keys.closed],
        keys.hash(""),
        filter.offset ?? 0,
        filter.limit ?? 50,
        filter.visibleTo ?? "",
      );
      return { cases: await summaries(ids), matching };
    },

    async search(query, filter = {}) {
      const text = query.trim().slice(0, 100);
      const code = /^TGPL-\d{4}-\d{6}$/i.test(text) ? text.toUpperCase() : "";
      const digits = text.replace(/[\s.\-()+]/g, "");
      const phone = /^\d{4,12}$/.test(digits)
        ? digits.length >= 11 && digits.startsWith("84")
          ? `0${digits.slice(2)}`
          : digits
        : "";
      const words = code || phone ? "" : foldWords(text).toLowerCase();
      if (!code && !phone && words.length < 2) return [];
      const ids = await scripts.searchCases(
        [keys.open, keys.closed],
        keys.hash(""),
        code,
        phone,
        words,
        filter.visibleTo ?? "",
        filter.limit ?? 50,
        code || phone ? "" : text.toLowerCase(),
      );
      return summaries(ids);
    },

    idsForCitizen: (citizenKey) => redis.smembers(keys.citizen(citizenKey)),

    async claim(id, staff) {
      const at = clock.now().toISOString();
      const [result, status, claimedBy] = await scripts.claimCase([keys.hash(id), keys.audit(id)], staff, at);
      if (result === "missing") throw new CaseNotFoundError(id);
      if (result !== "ok") {
        return { ok: false, status: status as CaseStatus, ...(claimedBy ? { claimedBy } : {}) };
      }
      return { ok: true, case: await mustRead(id) };
    },

    async addNote(id, note, guard = {}) {
      const at = clock.now().toISOString();
      const entry = JSON.stringify({
        kind: note.kind,
        by: note.by,
        text: note.text,
        at,
        ...(note.delivery ? { delivery: note.delivery } : {}),
        ...(note.notSent ? { notSent: note.notSent } : {}),
      });
      const kind = note.kind === "reply" && note.notSent ? "reply-unsent" : note.kind;
      const touched = [keys.hash(id), keys.notes(id), keys.audit(id)];
      check(id, await scripts.addNote(touched, kind, note.by, at, entry, guard.holder ?? ""), note.kind);
      return mustRead(id);
    },

    async transfer(id, by, to, guard = {}) {
      const at = clock.now().toISOString();
      check(
        id,
        await scripts.transferCase([keys.hash(id), keys.audit(id)], by, to, at, guard.holder ?? ""),
        "transfer",
      );
      return mustRead(id);
    },

    async close(id, by, outcome, guard = {}) {
      const now = clock.now();
      const touched = [keys.hash(id), keys.open, keys.closed, keys.audit(id)];
      const args = [id, by, now.toISOString(), now.getTime(), outcome, guard.holder ?? ""];
      check(id, await scripts.closeCase(touched, ...args), "close");
      return mustRead(id);
    },

    async rate(id, rating, citizenKey) {
      if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw new RangeError("rating must be 1..5");
      const at = clock.now().toISOString();
      return scripts.rateCase([keys.hash(id), keys.audit(id)], String(rating), citizenKey, at);
    },

    async anonymize(id, by, detail = "") {
      const citizenKey = await redis.hget(keys.hash(id), "citizenKey");
      if (citizenKey === null) throw new CaseNotFoundError(id);
      const at = clock.now().toISOString();
      const touched = [keys.hash(id), keys.notes(id), keys.citizen(citizenKey), keys.audit(id), keys.closed];
      check(id, await scripts.anonymizeCase(touched, id, by, at, detail), "anonymize");
    },

    closedBefore: (before, limit = 500) =>
      redis.zrangebyscore(keys.closed, "-inf", `(${before.getTime()}`, "LIMIT", 0, limit),

    async thread(citizenKey) {
      const { caseId, away } = await redis.hgetall(keys.thread(citizenKey));
      if (!caseId) return undefined;
      const pointer: CaseThreadPointer = { caseId, away: away === "1" };
      return pointer;
    },

    async setThreadAway(citizenKey, caseId, away) {
      const key = keys.thread(citizenKey);
      if ((await redis.hget(key, "caseId")) !== caseId) return false;
      await redis
        .multi()
        .hset(key, "away", away ? "1" : "0")
        .expire(key, THREAD_TTL_SECONDS)
        .exec();
      return true;
    },

    async dropThread(citizenKey, caseId) {
      const key = keys.thread(citizenKey);
      if ((await redis.hget(key, "caseId")) === caseId) await redis.del(key);
    },

    async addCitizenMessage(id, citizenKey, text) {
      const at = clock.now().toISOString();
      const note = JSON.stringify({ kind: "citizen", by: "citizen", text, at });
      const result = await scripts.citizenMessage([keys.hash(id), keys.notes(id)], citizenKey, at, note);
      if (result === "ok") await redis.expire(keys.thread(citizenKey), THREAD_TTL_SECONDS);
      return result;
    },

    async markRead(id) {
      if (await redis.exists(keys.hash(id))) await redis.hset(keys.hash(id), "unread", 0);
    },

    async audit(id) {
      const entries = await redis.xrange(keys.audit(id), "-", "+");
      return entries.map(([, flat]): CaseAuditEntry => {
        const fields: Record<string, string> = {};
        for (let i = 0; i + 1 < flat.length; i += 2) fields[flat[i] as string] = flat[i + 1] as string;
        return caseAuditEntrySchema.parse(fields);
      });
    },
  };
}
