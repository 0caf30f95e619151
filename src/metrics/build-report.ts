import { channelRegistry } from "../channels/channel-registry.js";
import { TOPICS, topicLabel } from "../content/topics.js";
import { CALL_OUTCOMES } from "./call-log-schema.js";
import { REPORT_GROUPS } from "./report-groups.js";
import { vietnameseDate } from "./report-summary.js";
import type { Report, ReportColumn, ReportRow, ReportTable } from "./report-types.js";
import {
  type Counts,
  type RollupAggregate,
  responseTimesOf,
  satisfactionOf,
  sumOf,
} from "./rollup-aggregate.js";
import { NO_TOPIC } from "./rollup-vocabulary.js";
import { unusualDays } from "./unusual-days.js";
import { daysBetween } from "./vietnam-day.js";

/** Vietnamese labels of tools, reply kinds, outcomes and screening results (channels: the registry). */
export const LABELS: Readonly<Record<string, string>> = {
  console: "Thử nghiệm nội bộ",
  api: "API",
  phone: "Điện thoại đường dây nóng",
  other: "Khác",
  answer: "Trả lời được ngay",
  choices: "Đưa ra câu hỏi gần đúng để chọn",
  fallback: "Chưa trả lời được",
  escalate: "Chuyển cán bộ",
  emergency: "Tình huống khẩn cấp",
  duplicate: "Trùng hồ sơ",
  "likely-eligible": "Có thể thuộc diện trợ giúp pháp lý",
  unclear: "Chưa rõ",
  "not-listed": "Không thuộc diện (vẫn được tư vấn)",
  [NO_TOPIC]: "Chưa xác định lĩnh vực",
  ...Object.fromEntries(CALL_OUTCOMES.map((o) => [o.id, o.label])),
};

const label = (key: string) =>
  LABELS[key] ?? channelRegistry.byMetricsLabel(key)?.reportLabel ?? topicLabel(key);
const get = (m: Counts, k: string) => m.get(k) ?? 0;

/** A table whose total is computed from its rows, column by column. */
export function table(
  id: string,
  title: string,
  columns: readonly ReportColumn[],
  rows: readonly ReportRow[],
  note?: string,
): ReportTable {
  const total: Record<string, number> = {};
  for (const c of columns) total[c.key] = rows.reduce((t, r) => t + (r.values[c.key] ?? 0), 0);
  return { id, title, ...(note ? { note } : {}), columns, rows, total };
}

/** Keys in `preferred` order, then any other key with a count, so nothing counted is dropped. */
function keysOf(preferred: readonly string[], ...maps: Counts[]): string[] {
  const extra = new Set<string>();
  for (const m of maps) for (const [k, n] of m) if (n && !preferred.includes(k)) extra.add(k);
  return [...preferred, ...[...extra].sort()];
}

/**
 * Builds the typed report from the summed rollups of [from, to]. `before` holds the counted chat
 * questions of the fortnight before `from`, by day, so the range's first days can be judged unusual.
 */
export function buildReportFrom(
  agg: RollupAggregate,
  from: string,
  to: string,
  now = new Date(),
  before: Counts = new Map(),
): Report {
  const calls = sumOf(agg.callsByTopic);
  const chatChannels = keysOf(
    channelRegistry.metricsLabels(),
    agg.chatByChannel,
    agg.conversationsByChannel,
    agg.casesByChannel,
  );
  const channels = table(
    "channels",
    "Lượt tiếp nhận theo kênh",
    [
      { key: "contacts", label: "Lượt hỏi / cuộc gọi" },
      { key: "conversations", label: "Lượt trò chuyện (theo người, theo ngày)" },
      { key: "cases", label: "Hồ sơ chuyển cán bộ" },
    ],
    [
      ...chatChannels.map((c) => ({
        key: c,
        label: label(c),
        values: {
          contacts: get(agg.chatByChannel, c),
          conversations: get(agg.conversationsByChannel, c),
          cases: get(agg.casesByChannel, c),
        },
      })),
      { key: "phone", label: label("phone"), values: { contacts: calls, conversations: calls, cases: 0 } },
    ],
  );

  const topicKeys = keysOf(
    [...TOPICS.map((t) => t.id), NO_TOPIC],
    agg.chatByTopic,
    agg.callsByTopic,
    agg.casesByTopic,
  );
  const topics = table(
    "topics",
    "Theo lĩnh vực pháp luật",
    [
      { key: "chat", label: "Hỏi qua tin nhắn" },
      { key: "calls", label: "Gọi điện" },
      { key: "contacts", label: "Tổng lượt" },
      { key: "cases", label: "Hồ sơ chuyển cán bộ" },
    ],
    topicKeys.map((t) => {
      const chat = get(agg.chatByTopic, t);
      const c = get(agg.callsByTopic, t);
      return {
        key: t,
        label: label(t),
        values: { chat, calls: c, contacts: chat + c, cases: get(agg.casesByTopic, t) },
      };
    }),
  );

  const groups = table(
    "groups",
    "Theo nhóm đối tượng",
    [
      { key: "calls", label: "Gọi điện" },
      { key: "cases", label: "Hồ sơ chuyển cán bộ" },
      { key: "total", label: "Tổng" },
    ],
    keysOf(
      REPORT_GROUPS.map((g) => g.id),
      agg.callsByGroup,
      agg.casesByGroup,
    ).map((g) => {
      const c = get(agg.callsByGroup, g);
      const k = get(agg.casesByGroup, g);
      return {
        key: g,
        label: REPORT_GROUPS.find((r) => r.id === g)?.label ?? label(g),
        values: { calls: c, cases: k, total: c + k },
      };
    }),
    "Một hồ sơ thuộc nhiều nhóm được đếm ở mỗi nhóm, nên cột hồ sơ có thể lớn hơn số hồ sơ.",
  );

  const outcomes = table(
    "outcomes",
    "Theo kết quả xử lý",
    [
      { key: "calls", label: "Cuộc gọi" },
      { key: "cases", label: "Hồ sơ đã đóng" },
      { key: "total", label: "Tổng" },
    ],
    keysOf(
      [
        "answered",
        "referred-to-legal-aid-procedure",
        "referred-elsewhere",
        "no-response",
        "duplicate",
        "callback-scheduled",
        "out-of-scope",
      ],
      agg.callsByOutcome,
      agg.closedByOutcome,
    ).map((o) => {
      const c = get(agg.callsByOutcome, o);
      const k = get(agg.closedByOutcome, o);
      return { key: o, label: label(o), values: { calls: c, cases: k, total: c + k } };
    }),
  );

  const kinds = table(
    "kinds",
    "Trả lời tự động qua tin nhắn",
    [{ key: "count", label: "Lượt hỏi" }],
    keysOf(["answer", "choices", "fallback", "escalate", "emergency"], agg.chatByKind).map((k) => ({
      key: k,
      label: label(k),
      values: { count: get(agg.chatByKind, k) },
    })),
  );

  const eligibility = table(
    "eligibility",
    "Hồ sơ theo kết quả sàng lọc diện trợ giúp pháp lý",
    [{ key: "cases", label: "Hồ sơ" }],
    keysOf(["likely-eligible", "unclear", "not-listed"], agg.casesByEligibility).map((e) => ({
      key: e,
      label: label(e),
      values: { cases: get(agg.casesByEligibility, e) },
    })),
    "Sàng lọc chỉ để cán bộ tham khảo, không phải quyết định về diện được trợ giúp pháp lý.",
  );

  const months = table(
    "months",
    "Theo tháng",
    [
      { key: "chat", label: "Hỏi qua tin nhắn" },
      { key: "calls", label: "Gọi điện" },
      { key: "contacts", label: "Tổng lượt" },
      { key: "casesCreated", label: "Hồ sơ mới" },
      { key: "casesClosed", label: "Hồ sơ đóng" },
      { key: "slaBreaches", label: "Hồ sơ quá hạn phản hồi" },
    ],
    monthsOf(from, to).map((month) => {
      const inMonth = (m: Counts) => sumWhere(m, (day) => day.startsWith(month));
      const chat = inMonth(agg.chatByDay);
      const c = inMonth(agg.callsByDay);
      return {
        key: month,
        label: `Tháng ${Number(month.slice(5))}/${month.slice(0, 4)}`,
        values: {
          chat,
          calls: c,
          contacts: chat + c,
          casesCreated: inMonth(agg.casesByDay),
          casesClosed: inMonth(agg.closedByDay),
          slaBreaches: inMonth(agg.slaBreachesByDay),
        },
      };
    }),
  );

  const ratings = table(
    "ratings",
    "Đánh giá của người dân về hồ sơ (1–5 sao)",
    [{ key: "count", label: "Lượt đánh giá" }],
    ["1", "2", "3", "4", "5"].map((r) => ({
      key: r,
      label: `${r} sao`,
      values: { count: get(agg.ratings, r) },
    })),
  );

  const unusual = table(
    "unusual-days",
    "Ngày có lượt hỏi tăng đột biến (vẫn tính vào tổng, cần kiểm tra)",
    [{ key: "questions", label: "Lượt hỏi qua tin nhắn" }],
    unusualDays(new Map([...before, ...agg.chatByDay]), daysBetween(from, to)).map((d) => ({
      key: d.day,
      label: `${vietnameseDate(d.day)} (thường khoảng ${Math.round(d.usual)} lượt/ngày)`,
      values: { questions: d.questions },
    })),
    "Ngày có lượt hỏi từ 3 lần mức thường ngày trở lên (trung vị 14 ngày trước). Có thể do tin tức, đợt tuyên truyền hoặc lượt hỏi được gửi hàng loạt.",
  );

  return {
    from,
    to,
    generatedAt: now.toISOString(),
    totals: {
      contacts: channels.total.contacts ?? 0,
      chatQuestions: kinds.total.count ?? 0,
      conversations: channels.total.conversations ?? 0,
      calls,
      callMinutes: Math.round(agg.callSeconds / 60),
      casesCreated: channels.total.cases ?? 0,
      casesClosed: outcomes.total.cases ?? 0,
      slaBreaches: get(agg.caseEvents, "sla-breach"),
      slaReminders: get(agg.caseEvents, "sla-reminder"),
      excludedQuestions: sumWhere(agg.overCapByChannel, () => true),
      flaggedSessions: sumWhere(agg.flaggedSessionsByChannel, () => true),
      flaggedAddresses: sumWhere(agg.flaggedAddressesByChannel, () => true),
      unusualDays: unusual.rows.length,
    },
    responseTimes: responseTimesOf(agg),
    satisfaction: satisfactionOf(agg),
    tables: [channels, topics, groups, outcomes, kinds, eligibility, months, ratings, unusual],
  };
}

function sumWhere(m: Counts, keep: (key: string) => boolean): number {
  let t = 0;
  for (const [k, n] of m) if (keep(k)) t += n;
  return t;
}

function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    if (key > last) break;
    months.push(key);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}
