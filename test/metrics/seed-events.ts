import type { Redis } from "ioredis";
import { metricsKeys, redisCallLog } from "../../src/metrics/index.js";

/** Appends one event as the sinks do (field `e`, JSON). */
export async function xaddEvent(redis: Redis, key: string, event: object): Promise<string> {
  return (await redis.xadd(key, "*", "e", JSON.stringify(event))) ?? "";
}

const usage = (at: string, channel: string, session: string, kind: string, extra: object = {}) => ({
  at,
  channel,
  session,
  kind,
  language: "vi",
  latencyMs: 12,
  ...extra,
});

const caseEvent = (
  at: string,
  type: string,
  caseId: string,
  channel: string,
  topic: string,
  extra: object = {},
) => ({
  at,
  type,
  caseId,
  channel,
  topic,
  eligibility: "unclear",
  groups: [],
  ...extra,
});

/**
 * The reconciliation seed: 2026 H1 and H2, with events at 23:30 UTC (and 16:30–17:30 UTC) that
 * fall on the next Vietnamese day. The expected numbers in reconciliation.test.ts are counted by hand.
 */
export async function seedEvents(redis: Redis, prefix: string): Promise<void> {
  const u = metricsKeys.usageStream(prefix);
  const c = metricsKeys.caseStream(prefix);
  const usageEvents = [
    usage("2026-01-15T03:00:00.000Z", "web", "s1", "answer", { topic: "dat-dai", faqId: "f1" }),
    usage("2026-01-15T04:00:00.000Z", "web", "s1", "choices", {
      topic: "dat-dai",
      sample: "chia đất cho con, gọi 0912 345 678",
    }),
    // 23:30 UTC on 30 June is 06:30 on 1 July in Vietnam: H2.
    usage("2026-06-30T23:30:00.000Z", "telegram", "s2", "answer", { topic: "lao-dong" }),
    // 16:30 UTC on 30 June is 23:30 the same day in Vietnam: H1.
    usage("2026-06-30T16:30:00.000Z", "zalo", "s3", "fallback", { intent: "no-match", sample: "con mèo" }),
    usage("2026-03-10T02:00:00.000Z", "web", "s4", "fallback", { intent: "feedback-up", faqId: "f1" }),
    usage("2026-03-10T02:01:00.000Z", "web", "s4", "fallback", { intent: "feedback-down", faqId: "f1" }),
    usage("2026-03-10T02:02:00.000Z", "telegram", "s5", "escalate", { topic: "hon-nhan-gia-dinh" }),
    // 17:30 UTC on 31 Dec 2025 is 00:30 on 1 Jan 2026 in Vietnam.
    usage("2025-12-31T17:30:00.000Z", "web", "s6", "answer", { topic: "ho-tich" }),
    // 17:00 UTC on 31 Dec 2026 is 00:00 on 1 Jan 2027: outside 2026.
    usage("2026-12-31T17:00:00.000Z", "web", "s7", "emergency"),
    usage("2026-12-31T16:59:00.000Z", "web", "s7", "answer", { topic: "thua-ke" }),
  ];
  for (const e of usageEvents) await xaddEvent(redis, u, e);

  const caseEvents = [
    caseEvent("2026-03-10T02:03:00.000Z", "created", "TGPL-2026-000001", "telegram", "hon-nhan-gia-dinh", {
      eligibility: "likely-eligible",
      groups: ["treEm", "hoNgheo", "khoKhanTaiChinh"],
    }),
    caseEvent(
      "2026-03-10T05:00:00.000Z",
      "first-reply",
      "TGPL-2026-000001",
      "telegram",
      "hon-nhan-gia-dinh",
      {
        by: "canbo1",
        responseMs: 3_600_000,
      },
    ),
    caseEvent("2026-03-12T03:00:00.000Z", "closed", "TGPL-2026-000001", "telegram", "hon-nhan-gia-dinh", {
      by: "canbo1",
      outcome: "referred-to-legal-aid-procedure",
    }),
    caseEvent("2026-03-12T04:00:00.000Z", "rated", "TGPL-2026-000001", "telegram", "hon-nhan-gia-dinh", {
      rating: 5,
    }),
    caseEvent("2026-02-01T02:00:00.000Z", "created", "TGPL-2026-000004", "web", "thua-ke", {
      eligibility: "likely-eligible",
      groups: ["nguoiKhuyetTat"],
    }),
    caseEvent("2026-02-02T08:00:00.000Z", "sla-reminder", "TGPL-2026-000004", "web", "thua-ke"),
    // 20:00 UTC on 30 June is 03:00 on 1 July in Vietnam: H2.
    caseEvent("2026-06-30T20:00:00.000Z", "created", "TGPL-2026-000002", "web", "dat-dai"),
    caseEvent("2026-07-01T10:00:00.000Z", "sla-breach", "TGPL-2026-000002", "web", "dat-dai"),
    caseEvent("2026-07-02T03:00:00.000Z", "first-reply", "TGPL-2026-000002", "web", "dat-dai", {
      by: "canbo2",
      responseMs: 36_000_000,
    }),
    caseEvent("2026-07-03T03:00:00.000Z", "closed", "TGPL-2026-000002", "web", "dat-dai", {
      outcome: "answered",
    }),
    caseEvent("2026-07-03T05:00:00.000Z", "rated", "TGPL-2026-000002", "web", "dat-dai", { rating: 3 }),
    caseEvent("2026-08-01T03:00:00.000Z", "created", "TGPL-2026-000003", "zalo", "lao-dong", {
      eligibility: "not-listed",
    }),
    caseEvent("2026-08-01T04:00:00.000Z", "first-reply", "TGPL-2026-000003", "zalo", "lao-dong", {
      responseMs: 1_800_000,
    }),
    caseEvent("2026-08-05T04:00:00.000Z", "closed", "TGPL-2026-000003", "zalo", "lao-dong", {
      outcome: "no-response",
    }),
  ];
  for (const e of caseEvents) await xaddEvent(redis, c, e);

  const calls = redisCallLog({ redis, prefix });
  await calls.record(
    {
      time: "2026-01-20T09:00:00+07:00",
      durationSeconds: 300,
      topic: "dat-dai",
      callerGroup: "child",
      outcome: "answered",
    },
    "canbo1",
  );
  await calls.record(
    {
      time: "2026-06-30T23:30:00Z",
      durationSeconds: 120,
      topic: "lao-dong",
      callerGroup: "ethnic-minority",
      outcome: "referred-elsewhere",
    },
    "canbo1",
  );
  await calls.record(
    {
      time: "2026-05-05T03:00:00Z",
      durationSeconds: 0,
      topic: "khac",
      callerGroup: "other",
      outcome: "no-response",
      note: "Gọi lại số 0987.654.321, CCCD 079203001234",
    },
    "canbo2",
  );
  await calls.record(
    {
      time: "2026-09-09T03:00:00Z",
      durationSeconds: 600,
      topic: "hon-nhan-gia-dinh",
      callerGroup: "elderly",
      outcome: "referred-to-legal-aid-procedure",
    },
    "canbo2",
  );
}
