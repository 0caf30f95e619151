import type { CaseStatusView } from "../ports.js";
import { formatVietnamDate, formatVietnamTime } from "./format-vietnam-time.js";

const MAX_SHOWN = 5;
const CASE_CODE = /TGPL[\s-]*(\d{4})[\s-]*(\d{6})/i;

/** The case code a citizen typed ("TGPL-2026-000123", "tgpl 2026 000123"), normalized, or undefined. */
export function caseCodeIn(text: string): string | undefined {
  const m = CASE_CODE.exec(text);
  return m ? `TGPL-${m[1]}-${m[2]}` : undefined;
}

function statusLine(view: CaseStatusView): string {
  switch (view.status) {
    case "open":
      return `đã nhận, cán bộ sẽ trả lời trước ${formatVietnamTime(view.firstResponseDueAt)}`;
    case "claimed":
      return "cán bộ đang xử lý";
    case "answered":
      return "cán bộ đã trả lời";
    default:
      return "đã đóng";
  }
}

/** "Tình trạng hồ sơ": one line per case of this conversation, newest first, never a stranger's case. */
export function caseStatusText(views: readonly CaseStatusView[], asked?: string): string {
  if (views.length === 0)
    return 'Dạ, bạn chưa có hồ sơ nào gửi cán bộ từ cuộc trò chuyện này. Cần gặp cán bộ, bạn gõ "gặp cán bộ".';
  const match = asked ? views.filter((v) => v.id === asked) : [];
  const shown = (match.length ? match : views).slice(0, MAX_SHOWN);
  const lines = shown.map((v) => `• ${v.id} (gửi ngày ${formatVietnamDate(v.createdAt)}): ${statusLine(v)}.`);
  const notFound =
    asked && match.length === 0 ? `Dạ, mình không thấy hồ sơ ${asked} trong cuộc trò chuyện này. ` : "";
  return `${notFound}${notFound ? "Hồ sơ của bạn:" : "Dạ, hồ sơ của bạn:"}\n${lines.join("\n")}`;
}
