import type { Report } from "./report-types.js";

/** One line of a report's summary: a Vietnamese label and a number (null when there is no data). */
export interface SummaryLine {
  readonly key: string;
  readonly label: string;
  readonly value: number | null;
}

const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 6_000) / 10);
const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
const twoDecimals = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

/** The headline figures every export shows first, in the same order. */
export function summaryLines(report: Report): SummaryLine[] {
  const t = report.totals;
  const s = report.satisfaction;
  return [
    { key: "contacts", label: "Tổng lượt tiếp nhận (tin nhắn + điện thoại)", value: t.contacts },
    { key: "chatQuestions", label: "Lượt hỏi qua tin nhắn", value: t.chatQuestions },
    { key: "conversations", label: "Lượt trò chuyện và cuộc gọi", value: t.conversations },
    { key: "calls", label: "Cuộc gọi đường dây nóng", value: t.calls },
    { key: "callMinutes", label: "Tổng thời lượng cuộc gọi (phút)", value: t.callMinutes },
    { key: "casesCreated", label: "Hồ sơ chuyển cán bộ trợ giúp pháp lý", value: t.casesCreated },
    { key: "casesClosed", label: "Hồ sơ đã đóng", value: t.casesClosed },
    { key: "responseCount", label: "Hồ sơ đã phản hồi lần đầu", value: report.responseTimes.count },
    {
      key: "responseMedian",
      label: "Thời gian phản hồi đầu tiên — trung vị (phút, giờ làm việc)",
      value: minutes(report.responseTimes.medianMs),
    },
    {
      key: "responseP90",
      label: "Thời gian phản hồi đầu tiên — 90% hồ sơ trong vòng (phút, giờ làm việc)",
      value: minutes(report.responseTimes.p90Ms),
    },
    { key: "slaBreaches", label: "Hồ sơ quá hạn phản hồi", value: t.slaBreaches },
    { key: "thumbsUp", label: "Lượt đánh giá câu trả lời là hữu ích", value: s.thumbsUp },
    { key: "thumbsDown", label: "Lượt đánh giá câu trả lời là chưa hữu ích", value: s.thumbsDown },
    { key: "upRate", label: "Tỷ lệ hữu ích (%)", value: percent(s.upRate) },
    { key: "ratingCount", label: "Lượt chấm điểm hồ sơ (1–5 sao)", value: s.ratingCount },
    { key: "ratingAverage", label: "Điểm trung bình hồ sơ", value: twoDecimals(s.ratingAverage) },
    {
      key: "excludedQuestions",
      label:
        "Lượt hỏi bất thường không tính vào tổng (một phiên hoặc một địa chỉ mạng hỏi quá nhiều trong một giờ)",
      value: t.excludedQuestions,
    },
    { key: "flaggedSessions", label: "Phiên bị đánh dấu bất thường", value: t.flaggedSessions },
    {
      key: "flaggedAddresses",
      label: "Địa chỉ mạng bị đánh dấu bất thường (theo giờ)",
      value: t.flaggedAddresses,
    },
    {
      key: "unusualDays",
      label: "Ngày có lượt hỏi tăng đột biến (vẫn tính vào tổng, cần kiểm tra)",
      value: t.unusualDays,
    },
  ];
}

/** `2026-06-30` → `30/06/2026`, as Vietnamese documents write dates. */
export function vietnameseDate(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/** The report's period, as Vietnamese documents write it. */
export function reportPeriod(report: Pick<Report, "from" | "to">): string {
  return `Từ ngày ${vietnameseDate(report.from)} đến ngày ${vietnameseDate(report.to)}`;
}

/** The report's title line. */
export function reportTitle(report: Report): string {
  return `Báo cáo kết quả tiếp nhận, giải đáp pháp luật từ ngày ${vietnameseDate(report.from)} đến ngày ${vietnameseDate(report.to)}`;
}
