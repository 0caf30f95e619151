import { channelRegistry } from "../../channels/channel-registry.js";
import type { CaseAuditEntry, CaseOutcome, DeliveryState } from "../../escalation/index.js";

/** Vietnamese labels the console shows for case fields and states. */
export const STATUS_LABELS = {
  open: "Chờ nhận",
  claimed: "Đã nhận",
  answered: "Đã trả lời",
  closed: "Đã đóng",
} as const;

/** A channel's name on staff pages, from the channel registry (an unknown id throws). */
export const channelLabel = (id: string): string => channelRegistry.get(id).label;

/** `[id, name]` of every registered channel, in registry order (the queue's filter). */
export const channelOptions = (): [string, string][] =>
  channelRegistry.ids().map((id) => [id, channelLabel(id)]);

export const ELIGIBILITY_LABELS = {
  "likely-eligible": "Có thể thuộc diện trợ giúp pháp lý miễn phí",
  unclear: "Chưa rõ",
  "not-listed": "Không thuộc các diện trên (vẫn được tư vấn)",
} as const;

export const OUTCOME_LABELS: Readonly<Record<CaseOutcome, string>> = {
  answered: "Đã giải đáp",
  "referred-to-legal-aid-procedure": "Chuyển làm thủ tục trợ giúp pháp lý",
  "referred-elsewhere": "Hướng dẫn đến cơ quan khác",
  "no-response": "Người dân không phản hồi",
  duplicate: "Trùng với hồ sơ khác",
};

export const DELIVERY_LABELS: Readonly<Record<DeliveryState, string>> = {
  queued: "Đang chờ gửi",
  sent: "Đã gửi",
  failed: "Gửi không được",
  "outside-window": "Chưa gửi: quá thời hạn nhắn Zalo",
  unsupported: "Kênh này không gửi được",
};

export const CONTACT_LABELS = { chat: "Nhắn qua kênh chat", phone: "Gọi điện" } as const;

export const TURN_LABELS = { citizen: "Người dân", bot: "Trợ lý", staff: "Cán bộ" } as const;

export const AUDIT_LABELS: Readonly<Record<CaseAuditEntry["action"], string>> = {
  created: "tạo hồ sơ",
  claimed: "nhận hồ sơ",
  replied: "trả lời người dân",
  noted: "ghi chú nội bộ",
  transferred: "chuyển hồ sơ",
  closed: "đóng hồ sơ",
  rated: "chấm điểm",
  anonymized: "xóa dữ liệu cá nhân",
};

const ACTOR_LABELS: Readonly<Record<string, string>> = {
  citizen: "người dân",
  retention: "hệ thống (hết hạn lưu)",
};

/** Who did an audited action: a staff username, or a label for the citizen and the system. */
export function actorLabel(by: string): string {
  return ACTOR_LABELS[by] ?? by;
}

const DETAIL_LABELS: Readonly<Record<string, string>> = {
  "citizen request": "theo yêu cầu của người dân",
  ...OUTCOME_LABELS,
};

/** An audit entry's detail in Vietnamese where it is a known code. */
export function auditDetail(detail: string): string {
  return DETAIL_LABELS[detail] ?? detail;
}

const REASON_LABELS: Readonly<Record<string, string>> = {
  "ask-person": "Người dân muốn gặp cán bộ",
  "complex-case": "Có dấu hiệu vụ việc phức tạp",
  "second-failure": "Trợ lý hai lần chưa trả lời được",
  "long-story": "Câu chuyện dài, nhiều tình tiết",
  button: "Người dân bấm nút gặp cán bộ",
};

/** The label of an intake reason, or the reason itself when unknown. */
export function reasonLabel(reason: string | undefined): string {
  if (!reason) return "Không rõ";
  return REASON_LABELS[reason] ?? reason;
}

const VN_TIME = new Intl.DateTimeFormat("vi-VN", {
  timeZone: "Asia/Ho_Chi_Minh",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** An ISO time as Vietnam local time, e.g. "09:30 26/11/2026"; empty for a missing value. */
export function vnTime(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : VN_TIME.format(date);
}
