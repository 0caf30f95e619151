import type { Redis } from "ioredis";
import { defineScripts, luaScript } from "../redis/index.js";
import type { RollupOp } from "./rollup-ops.js";

/**
 * Applies a batch of stream entries to the rollups. For each entry the script first XACKs it in
 * the consumer group; only when XACK returns 1 (the entry was pending and is now acknowledged)
 * are its counters changed. The ack and the increments run in one script, so they are atomic:
 * an entry read twice (a retry, a crashed consumer's entry claimed by another, the same batch
 * replayed) is counted exactly once, with no per-event "seen" set to store. On a Redis Cluster the
 * stream and the rollup keys share the metrics hash tag (see metrics-keys.ts), so they share a slot.
 *
 * KEYS: [stream, ...keys used by ops]. ARGV: group, sample cap, session-set TTL, questions per session
 * and hour, questions per network and hour, then per entry: id, op count, ops (`i` keyIdx field by ·
 * `s` setIdx member keyIdx field · `m` keyIdx field · `q` counterIdx member keyIdx field overField
 * flagField originMember originFlag — the last two empty when the network is not known).
 */
const rollupScripts = {
  rollup: luaScript<number>(
    "variadic",
    `
local stream = KEYS[1]
local group = ARGV[1]
local cap = tonumber(ARGV[2])
local ttl = tonumber(ARGV[3])
local perSession = tonumber(ARGV[4])
local perAddress = tonumber(ARGV[5])
local i = 6
local applied = 0
local n = #ARGV
while i <= n do
  local fresh = redis.call('XACK', stream, group, ARGV[i]) == 1
  local count = tonumber(ARGV[i + 1])
  i = i + 2
  if fresh then applied = applied + 1 end
  for _ = 1, count do
    local code = ARGV[i]
    if code == 'i' then
      if fresh then redis.call('HINCRBY', KEYS[tonumber(ARGV[i + 1])], ARGV[i + 2], ARGV[i + 3]) end
      i = i + 4
    elseif code == 's' then
      if fresh then
        local set = KEYS[tonumber(ARGV[i + 1])]
        if redis.call('SADD', set, ARGV[i + 2]) == 1 then
          redis.call('EXPIRE', set, ttl)
          redis.call('HINCRBY', KEYS[tonumber(ARGV[i + 3])], ARGV[i + 4], 1)
        end
      end
      i = i + 5
    elseif code == 'q' then
      if fresh then
        local counter = KEYS[tonumber(ARGV[i + 1])]
        local n = redis.call('HINCRBY', counter, ARGV[i + 2], 1)
        local a = 0
        if ARGV[i + 7] ~= '' then a = redis.call('HINCRBY', counter, ARGV[i + 7], 1) end
        redis.call('EXPIRE', counter, ttl)
        local key = KEYS[tonumber(ARGV[i + 3])]
        if n <= perSession and a <= perAddress then
          redis.call('HINCRBY', key, ARGV[i + 4], 1)
        else
          redis.call('HINCRBY', key, ARGV[i + 5], 1)
          if n == perSession + 1 then redis.call('HINCRBY', key, ARGV[i + 6], 1) end
          if a == perAddress + 1 then redis.call('HINCRBY', key, ARGV[i + 8], 1) end
        end
      end
      i = i + 9
    else
      if fresh then
        local key = KEYS[tonumber(ARGV[i + 1])]
        if redis.call('HEXISTS', key, ARGV[i + 2]) == 1 or redis.call('HLEN', key) < cap then
          redis.call('HINCRBY', key, ARGV[i + 2], 1)
        end
      end
      i = i + 3
    end
  end
end
return applied
`,
  ),
};

/** One entry to apply: its stream id and the counter changes it makes. */
export interface RollupEntry {
  readonly id: string;
  readonly ops: readonly RollupOp[];
}

/** Runs the rollup script for `entries` of one stream; resolves with how many were new. */
export async function applyRollupBatch(
  redis: Redis,
  stream: string,
  group: string,
  entries: readonly RollupEntry[],
  options: {
    sampleCap: number;
    sessionTtlSeconds: number;
    questionsPerSessionHour: number;
    questionsPerAddressHour: number;
  },
): Promise<number> {
  if (entries.length === 0) return 0;
  const { rollup } = defineScripts(redis, "metrics", rollupScripts);
  const keys: string[] = [stream];
  const index = new Map<string, number>();
  const keyIndex = (key: string): number => {
    let at = index.get(key);
    if (at === undefined) {
      keys.push(key);
      at = keys.length; // Lua arrays start at 1; KEYS[1] is the stream
      index.set(key, at);
    }
    return at;
  };
  const args: (string | number)[] = [
    group,
    options.sampleCap,
    options.sessionTtlSeconds,
    options.questionsPerSessionHour,
    options.questionsPerAddressHour,
  ];
  for (const entry of entries) {
    args.push(entry.id, entry.ops.length);
    for (const op of entry.ops) {
      if (op.t === "inc") args.push("i", keyIndex(op.key), op.field, op.by);
      else if (op.t === "distinct") args.push("s", keyIndex(op.set), op.member, keyIndex(op.key), op.field);
      else if (op.t === "perSession")
        args.push(
          "q",
          keyIndex(op.counter),
          op.member,
          keyIndex(op.key),
          op.field,
          op.over,
          op.flag,
          op.origin?.member ?? "",
          op.origin?.flag ?? "",
        );
      else args.push("m", keyIndex(op.key), op.field);
    }
  }
  return rollup(keys, ...args);
}
