import { luaScript } from "../redis/index.js";
import type { CitizenMessageResult, RateResult } from "./case-store.js";

/**
 * Lua scripts for the case store. Each runs atomically in Redis, so a check and the write that
 * depends on it (claim only an open case, never overwrite a case) cannot interleave with another
 * instance's. Every script appends its audit entry in the same step.
 */

/** How long a thread pointer lives without a citizen message (an open case rarely lasts this long). */
export const THREAD_TTL_SECONDS = 90 * 86_400;

/**
 * KEYS: case hash, open index, citizen set, audit stream, intake key, thread pointer. ARGV: id, dueMs,
 * at, by, "1" to use the intake key ("" = no intake key), "1" to set the thread pointer ("" = the
 * citizen is answered by phone), ...hash fields. Unused keys are still real names, never "": on a
 * cluster every declared key must be in the case space's slot. Returns 1 when written, 0 when the id
 * exists, or the id of the case already opened for this intake (kept 30 days). The thread pointer
 * names the case the citizen's chat now talks to (see CITIZEN_MESSAGE).
 */
const CREATE_CASE = `
if ARGV[5] == "1" then
  local existing = redis.call("GET", KEYS[5])
  if existing then return existing end
end
if redis.call("EXISTS", KEYS[1]) == 1 then return 0 end
if ARGV[5] == "1" then redis.call("SET", KEYS[5], ARGV[1], "EX", 2592000) end
redis.call("HSET", KEYS[1], unpack(ARGV, 7))
redis.call("ZADD", KEYS[2], ARGV[2], ARGV[1])
redis.call("SADD", KEYS[3], ARGV[1])
redis.call("XADD", KEYS[4], "*", "at", ARGV[3], "by", ARGV[4], "action", "created")
if ARGV[6] == "1" then
  redis.call("DEL", KEYS[6])
  redis.call("HSET", KEYS[6], "caseId", ARGV[1], "away", "0")
  redis.call("EXPIRE", KEYS[6], ${THREAD_TTL_SECONDS})
end
return 1`;

/**
 * KEYS: case hash, notes list. ARGV: citizenKey, at, note JSON. The citizen's message joins the
 * case thread and counts as unread. Returns "ok", "missing", "not-theirs" or "closed".
 */
const CITIZEN_MESSAGE = `
local f = redis.call("HMGET", KEYS[1], "status", "citizenKey")
if not f[1] then return "missing" end
if ARGV[1] == "" or f[2] ~= ARGV[1] then return "not-theirs" end
if f[1] == "closed" then return "closed" end
redis.call("RPUSH", KEYS[2], ARGV[3])
redis.call("HINCRBY", KEYS[1], "unread", 1)
redis.call("HSET", KEYS[1], "lastCitizenAt", ARGV[2], "updatedAt", ARGV[2])
return "ok"`;

/** KEYS: case hash, audit stream. ARGV: staff, at. Returns {"ok"}, {"missing"} or {"taken", status, claimedBy}. */
const CLAIM_CASE = `
local status = redis.call("HGET", KEYS[1], "status")
if not status then return {"missing"} end
if status ~= "open" then return {"taken", status, redis.call("HGET", KEYS[1], "claimedBy") or ""} end
redis.call("HSET", KEYS[1], "status", "claimed", "claimedBy", ARGV[1], "claimedAt", ARGV[2], "updatedAt", ARGV[2])
redis.call("XADD", KEYS[2], "*", "at", ARGV[2], "by", ARGV[1], "action", "claimed")
return {"ok"}`;

/** Refuses the write when ARGV[n] names a holder and the case is held by someone else. */
const holderGuard = (argv: number) => `
if ARGV[${argv}] ~= "" and redis.call("HGET", KEYS[1], "claimedBy") ~= ARGV[${argv}] then return "not-holder" end`;

/**
 * KEYS: case hash, notes list, audit stream. ARGV: kind, staff, at, note JSON, holder ("" = any).
 * Returns "ok", "missing", "not-holder" or the status.
 */
const ADD_NOTE = `
local status = redis.call("HGET", KEYS[1], "status")
if not status then return "missing" end
if status == "closed" then return status end${holderGuard(5)}
redis.call("RPUSH", KEYS[2], ARGV[4])
redis.call("HSET", KEYS[1], "updatedAt", ARGV[3])
local action = "noted"
if ARGV[1] == "reply" or ARGV[1] == "reply-unsent" then action = "replied" end
-- Only a reply that went out answers the case; one kept unsent (Zalo window closed) leaves the SLA running.
if ARGV[1] == "reply" then
  redis.call("HSET", KEYS[1], "status", "answered", "unread", 0)
  redis.call("HSETNX", KEYS[1], "firstResponseAt", ARGV[3])
end
redis.call("XADD", KEYS[3], "*", "at", ARGV[3], "by", ARGV[2], "action", action)
return "ok"`;

/**
 * KEYS: case hash, audit stream. ARGV: staff, to, at, holder ("" = any). An open case becomes
 * claimed by `to`. Returns "ok", "missing", "not-holder" or the status.
 */
const TRANSFER_CASE = `
local status = redis.call("HGET", KEYS[1], "status")
if not status then return "missing" end
if status == "closed" then return status end${holderGuard(4)}
local from = redis.call("HGET", KEYS[1], "claimedBy") or "-"
redis.call("HSET", KEYS[1], "claimedBy", ARGV[2], "claimedAt", ARGV[3], "updatedAt", ARGV[3])
if status == "open" then redis.call("HSET", KEYS[1], "status", "claimed") end
redis.call("XADD", KEYS[2], "*", "at", ARGV[3], "by", ARGV[1], "action", "transferred", "detail", from .. " -> " .. ARGV[2])
return "ok"`;

/**
 * KEYS: case hash, audit stream. ARGV: rating, citizenKey, at.
 * Returns "ok", "missing", "not-theirs", "not-closed" or "already-rated".
 */
const RATE_CASE = `
local f = redis.call("HMGET", KEYS[1], "status", "citizenKey", "rating")
if not f[1] then return "missing" end
if ARGV[2] == "" or f[2] ~= ARGV[2] then return "not-theirs" end
if f[1] ~= "closed" then return "not-closed" end
if f[3] then return "already-rated" end
redis.call("HSET", KEYS[1], "rating", ARGV[1], "ratedAt", ARGV[3])
redis.call("XADD", KEYS[2], "*", "at", ARGV[3], "by", "citizen", "action", "rated", "detail", ARGV[1])
return "ok"`;

/** KEYS: case hash, open index, closed index, audit stream. ARGV: id, staff, at, atMs, outcome, holder. */
const CLOSE_CASE = `
local status = redis.call("HGET", KEYS[1], "status")
if not status then return "missing" end
if status == "closed" then return status end${holderGuard(6)}
redis.call("HSET", KEYS[1], "status", "closed", "outcome", ARGV[5], "closedAt", ARGV[3], "updatedAt", ARGV[3])
redis.call("ZREM", KEYS[2], ARGV[1])
redis.call("ZADD", KEYS[3], ARGV[4], ARGV[1])
redis.call("XADD", KEYS[4], "*", "at", ARGV[3], "by", ARGV[2], "action", "closed", "detail", ARGV[5])
return "ok"`;

/**
 * KEYS: case hash, notes list, citizen set, audit stream, closed index. ARGV: id, by, at, detail.
 * Blanks every personal text but keeps the number of turns and notes, the topic, the commune
 * and the eligibility result, so reports still add up.
 */
const ANONYMIZE_CASE = `
if redis.call("EXISTS", KEYS[1]) == 0 then return "missing" end
local turns = cjson.decode(redis.call("HGET", KEYS[1], "transcript") or "[]")
for _, t in ipairs(turns) do t.text = "" end
local transcript = "[]"
if #turns > 0 then transcript = cjson.encode(turns) end
local elig = cjson.decode(redis.call("HGET", KEYS[1], "eligibility"))
local eligibility = '{"result":' .. cjson.encode(elig.result) .. ',"answers":{}}'
redis.call("HSET", KEYS[1], "description", "", "transcript", transcript, "eligibility", eligibility,
  "citizenKey", "", "anonymizedAt", ARGV[3], "updatedAt", ARGV[3])
redis.call("HDEL", KEYS[1], "phone", "conversationId")
local n = redis.call("LLEN", KEYS[2])
for i = 0, n - 1 do
  local note = cjson.decode(redis.call("LINDEX", KEYS[2], i))
  note.text = ""
  redis.call("LSET", KEYS[2], i, cjson.encode(note))
end
redis.call("SREM", KEYS[3], ARGV[1])
redis.call("ZREM", KEYS[5], ARGV[1])
if ARGV[4] and ARGV[4] ~= "" then
  redis.call("XADD", KEYS[4], "*", "at", ARGV[3], "by", ARGV[2], "action", "anonymized", "detail", ARGV[4])
else
  redis.call("XADD", KEYS[4], "*", "at", ARGV[3], "by", ARGV[2], "action", "anonymized")
end
return "ok"`;

/**
 * KEYS: open index. ARGV: case key prefix, nowMs, status, topic, channel, eligibility, overdue
 * ("", "1", "0"), offset, limit, visibleTo ("" = all; else only unclaimed cases and this holder's).
 * Filters and counts inside Redis so the queue page gets back
 * only its page of ids, not 10 000 rows. It reads case hashes it does not declare: fine on one
 * Redis server; on a cluster only because every case key carries the `cases` hash tag (see case-keys.ts).
 * Returns {open, claimed, answered, overdue, matching, {ids…}}.
 */
const LIST_OPEN = `
local rows = redis.call("ZRANGE", KEYS[1], 0, -1, "WITHSCORES")
local now = tonumber(ARGV[2])
local offset, limit = tonumber(ARGV[8]), tonumber(ARGV[9])
local counts = { open = 0, claimed = 0, answered = 0 }
local overdueCount, matching, page = 0, 0, {}
for i = 1, #rows, 2 do
  local id, due = rows[i], tonumber(rows[i + 1])
  local f = redis.call("HMGET", ARGV[1] .. id, "status", "channel", "topic", "eligibilityResult", "claimedBy")
  local status = f[1]
  local visible = ARGV[10] == "" or status == "open" or f[5] == ARGV[10]
  if status and counts[status] and visible then
    local overdue = status ~= "answered" and due < now
    counts[status] = counts[status] + 1
    if overdue then overdueCount = overdueCount + 1 end
    if (ARGV[3] == "" or status == ARGV[3]) and (ARGV[4] == "" or f[3] == ARGV[4])
      and (ARGV[5] == "" or f[2] == ARGV[5]) and (ARGV[6] == "" or f[4] == ARGV[6])
      and (ARGV[7] == "" or (ARGV[7] == "1") == overdue) then
      if matching >= offset and matching < offset + limit then page[#page + 1] = id end
      matching = matching + 1
    end
  end
end
return { counts.open, counts.claimed, counts.answered, overdueCount, matching, page }`;

/**
 * KEYS: closed index. ARGV: case key prefix, offset, limit, visibleTo ("" = all; else only cases this
 * holder closed or held). Newest closed first. Returns {matching, {ids…}}.
 */
const LIST_CLOSED = `
local ids = redis.call("ZREVRANGE", KEYS[1], 0, -1)
local offset, limit = tonumber(ARGV[2]), tonumber(ARGV[3])
local matching, page = 0, {}
for _, id in ipairs(ids) do
  local holder = redis.call("HGET", ARGV[1] .. id, "claimedBy")
  if ARGV[4] == "" or holder == ARGV[4] then
    if matching >= offset and matching < offset + limit then page[#page + 1] = id end
    matching = matching + 1
  end
end
return { matching, page }`;

/**
 * KEYS: open index, closed index. ARGV: case key prefix, code (upper case, "" = none), digits
 * ("" = none), folded words ("" = none), visibleTo ("" = all), limit, lower-cased text. Finds cases
 * by case code, by digits of the phone number, or by words of the commune (accent-folded copy
 * `communeKey`; the lower-cased commune for cases written before it existed). Newest first.
 */
const SEARCH_CASES = `
local found = {}
local function scan(ids)
  for _, id in ipairs(ids) do
    if #found >= tonumber(ARGV[6]) then return end
    local f = redis.call("HMGET", ARGV[1] .. id, "status", "claimedBy", "phone", "communeKey", "commune")
    local visible = ARGV[5] == "" or f[1] == "open" or f[2] == ARGV[5]
    local hit = (ARGV[2] ~= "" and id == ARGV[2])
      or (ARGV[3] ~= "" and f[3] and string.find(f[3], ARGV[3], 1, true))
      or (ARGV[4] ~= "" and f[4] and string.find(f[4], ARGV[4], 1, true))
      or (ARGV[7] ~= "" and f[5] and string.find(string.lower(f[5]), ARGV[7], 1, true))
    if f[1] and visible and hit then found[#found + 1] = id end
  end
end
scan(redis.call("ZREVRANGE", KEYS[1], 0, -1))
scan(redis.call("ZREVRANGE", KEYS[2], 0, -1))
return found`;

/** The case store's scripts, defined once per client (see `defineScripts`). Keys and arguments as documented above. */
export const caseScripts = {
  createCase: luaScript<number | string>(6, CREATE_CASE),
  citizenMessage: luaScript<CitizenMessageResult>(2, CITIZEN_MESSAGE),
  claimCase: luaScript<string[]>(2, CLAIM_CASE),
  addNote: luaScript<string>(3, ADD_NOTE),
  transferCase: luaScript<string>(2, TRANSFER_CASE),
  rateCase: luaScript<RateResult>(2, RATE_CASE),
  closeCase: luaScript<string>(4, CLOSE_CASE),
  anonymizeCase: luaScript<string>(5, ANONYMIZE_CASE),
  listOpen: luaScript<[number, number, number, number, number, string[]]>(1, LIST_OPEN),
  listClosed: luaScript<[number, string[]]>(1, LIST_CLOSED),
  searchCases: luaScript<string[]>(2, SEARCH_CASES),
};
