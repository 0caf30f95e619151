// Running deployments hold cases, staff accounts, FAQ files and years of metrics under these names:
// with REDIS_CLUSTER_HASH_TAGS off (the default) a key's name must never change.
import { describe, expect, it } from "vitest";
import { outboundKeys } from "../../src/channels/outbound/index.js";
import { telegramKeys } from "../../src/channels/telegram/index.js";
import { webKeys } from "../../src/channels/web/index.js";
import { zaloKeys } from "../../src/channels/zalo/index.js";
import { loadConfig } from "../../src/config/index.js";
import { curationKeys } from "../../src/curation/index.js";
import { caseKeys, staffKeys } from "../../src/escalation/index.js";
import { metricsKeys } from "../../src/metrics/index.js";
import { bullPrefix, eventStreamKeys, redisKeys } from "../../src/redis/index.js";

describe("Redis key names with cluster hash tags off", () => {
  const prefix = loadConfig({}).redis.prefix;

  it("keeps REDIS_PREFIX as the prefix", () => {
    expect(prefix).toBe("tlpl");
    expect(loadConfig({ REDIS_PREFIX: "tgpl_bp" }).redis.prefix).toBe("tgpl_bp");
  });

  it("names cases, staff accounts and FAQ files as before", () => {
    const cases = caseKeys(prefix);
    expect(cases.hash("TGPL-2026-000001")).toBe("tlpl:case:TGPL-2026-000001");
    expect(cases.notes("TGPL-2026-000001")).toBe("tlpl:case:TGPL-2026-000001:notes");
    expect(cases.audit("TGPL-2026-000001")).toBe("tlpl:case:TGPL-2026-000001:audit");
    expect(cases.counter(2026)).toBe("tlpl:case-seq:2026");
    expect([cases.open, cases.closed, cases.live]).toEqual([
      "tlpl:cases:open",
      "tlpl:cases:closed",
      "tlpl:cases:live",
    ]);
    expect(cases.citizen("k1")).toBe("tlpl:cases:citizen:k1");
    expect(cases.intake("i1")).toBe("tlpl:case-intake:i1");
    expect(cases.thread("k1")).toBe("tlpl:case-thread:k1");
    const staff = staffKeys(prefix);
    expect([staff.user("lan"), staff.users, staff.fail("lan"), staff.session("h")]).toEqual([
      "tlpl:staff:user:lan",
      "tlpl:staff:users",
      "tlpl:staff:fail:lan",
      "tlpl:staff:session:h",
    ]);
    expect(staff.loginLimiter).toBe("tlpl:rl:staff-login");
    const curation = curationKeys(prefix);
    expect([curation.content("live"), curation.content("revisions"), curation.content("release")]).toEqual([
      "tlpl:content:live",
      "tlpl:content:revisions",
      "tlpl:content:release",
    ]);
    expect(curation.history("faq-1")).toBe("tlpl:curation:history:faq-1");
    expect([curation.inboxHandled, curation.inboxLog]).toEqual([
      "tlpl:curation:inbox:handled",
      "tlpl:curation:inbox:log",
    ]);
    expect(curation.corpusPublished).toBe("tlpl:corpus-published");
  });

  it("names the event streams and the daily rollups as before", () => {
    expect(eventStreamKeys.usage(prefix)).toBe("tlpl:usage");
    expect(eventStreamKeys.cases(prefix)).toBe("tlpl:events:cases");
    expect(eventStreamKeys.calls(prefix)).toBe("tlpl:events:calls");
    expect(eventStreamKeys.feedback(prefix)).toBe("tlpl:feedback");
    expect(metricsKeys.day(prefix, "2026-12-07")).toBe("tlpl:rollup:2026-12-07");
    expect(metricsKeys.samples(prefix, "2026-12-07")).toBe("tlpl:rollup:2026-12-07:samples");
    expect(metricsKeys.sessions(prefix, "2026-12-07")).toBe("tlpl:rollup:2026-12-07:sessions");
    expect(metricsKeys.sessionHour(prefix, "2026-12-07", "09")).toBe("tlpl:rollup:2026-12-07:per-session:09");
  });

  it("names the channels' keys, the shared stores and BullMQ's prefix as before", () => {
    const web = webKeys(prefix);
    expect([web.inbox("s1"), web.inboxSeq("s1"), web.inboxMarker("m1"), web.history("s1")]).toEqual([
      "tlpl:web:inbox:s1",
      "tlpl:web:inbox:s1:seq",
      "tlpl:web:inbox-key:m1",
      "tlpl:web:history:s1",
    ]);
    expect([web.limiter("ip"), web.limiter("session", "inbox")]).toEqual([
      "tlpl:rl:ip",
      "tlpl:inbox:rl:session",
    ]);
    const zalo = zaloKeys(prefix);
    expect([
      zalo.lastInbound("u1"),
      zalo.windowClosed("u1"),
      zalo.tokens,
      zalo.inbox,
      zalo.inboxEvents,
    ]).toEqual([
      "tlpl:zalo:last-in:u1",
      "tlpl:zalo:window-closed:u1",
      "tlpl:zalo:tokens",
      "tlpl:zalo:inbox",
      "tlpl:zalo:inbox:events",
    ]);
    expect([zalo.outsideWindow, zalo.quota]).toEqual(["tlpl:zalo:outside-window", "tlpl:zalo:quota"]);
    const tg = telegramKeys(prefix);
    expect([tg.done(7, 42), tg.reason(-100), tg.journal]).toEqual([
      "tlpl:tg:done:7:42",
      "tlpl:tg:reason:-100",
      "tlpl:tg:journal",
    ]);
    const out = outboundKeys(prefix);
    expect([out.pace("tg-1"), out.sent("k"), out.citizenMessage("k")]).toEqual([
      "tlpl:pace:tg-1",
      "tlpl:sent:k",
      "tlpl:citizen-msg:k",
    ]);
    expect([
      redisKeys.session(prefix, "s"),
      redisKeys.cache(prefix, "c"),
      redisKeys.indexHash(prefix, "faq"),
    ]).toEqual(["tlpl:session:s", "tlpl:cache:c", "tlpl:index-hash:faq"]);
    expect(redisKeys.lock(prefix, "index:faq")).toBe("tlpl:lock:index:faq");
    expect(bullPrefix(prefix, "outbound-zalo")).toBe("tlpl:bull");
  });
});

describe("Redis key names with REDIS_CLUSTER_HASH_TAGS=true", () => {
  const prefix = loadConfig({ REDIS_CLUSTER_HASH_TAGS: "true" }).redis.prefix;

  it("gives each key space its own hash tag, braces BullMQ's prefix and leaves single keys untagged", () => {
    expect(prefix).toBe("{tlpl}");
    expect(caseKeys(prefix).hash("TGPL-2026-000001")).toBe("{tlpl:cases}:case:TGPL-2026-000001");
    expect(staffKeys(prefix).users).toBe("{tlpl:staff}:staff:users");
    expect(metricsKeys.day(prefix, "2026-12-07")).toBe("{tlpl:metrics}:rollup:2026-12-07");
    expect(eventStreamKeys.usage(prefix)).toBe("{tlpl:metrics}:usage");
    expect(bullPrefix(prefix, "outbound-zalo")).toBe("{tlpl:bull:outbound-zalo}");
    expect(redisKeys.session(prefix, "s")).toBe("tlpl:session:s");
  });
});
