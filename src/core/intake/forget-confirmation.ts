import type { CaseStatusView } from "../ports.js";
import { foldWords } from "../text/fold.js";

/** How long a "Gõ XÓA để xác nhận" stays valid; a later "xóa" asks again. */
export const FORGET_CONFIRM_MS = 10 * 60_000;

/** Button labels of the confirmation step (web chat and Telegram; Zalo users type). */
export const FORGET_BUTTONS = { confirm: "Xóa dữ liệu", keep: "Không xóa" } as const;

const CONFIRM =
  /^(?:(?:toi |minh |em )?(?:dong y |xac nhan |co |chac chan |van )?xoa(?: (?:di|luon|ngay|nhe|a|du lieu))?|xac nhan(?: xoa)?)$/;
const KEEP =
  /^(?:khong|ko|k|kh|thoi|huy|huy bo|dung|giu lai|giu nguyen|khong xoa|dung xoa|dung lai|khong can|thoi khong xoa|no|cancel)(?: (?:a|nhe|nha|nua))?$/;

/** "XÓA", "xóa", "đồng ý xóa", "xác nhận": the citizen confirms the deletion they were asked about. */
export function isForgetConfirmation(text: string): boolean {
  return CONFIRM.test(foldWords(text));
}

/** "không", "thôi", "giữ lại": the citizen keeps their data. */
export function isForgetRefusal(text: string): boolean {
  return KEEP.test(foldWords(text));
}

const STATUS: Record<CaseStatusView["status"], string> = {
  open: "đang chờ cán bộ",
  claimed: "cán bộ đang xử lý",
  answered: "cán bộ đã trả lời",
  closed: "đã đóng",
};

/** "Bạn có chắc muốn xóa…": names everything the deletion removes, cases by code, then how to confirm. */
export function forgetConfirmText(cases: readonly CaseStatusView[] | undefined): string {
  const lines = ["• nội dung cuộc trò chuyện này (câu bạn hỏi và câu trả lời của mình);"];
  if (cases === undefined) {
    lines.push("• thông tin cá nhân trong các hồ sơ bạn đã gửi cán bộ từ cuộc trò chuyện này (nếu có).");
  } else if (cases.length) {
    const open = cases.some((c) => c.status !== "closed");
    lines.push(
      `• thông tin cá nhân (số điện thoại, nội dung, xã/phường) trong ${cases.length} hồ sơ: ${cases
        .map((c) => `${c.id} (${STATUS[c.status]})`)
        .join(", ")}.${open ? " Hồ sơ chưa xong sẽ được đóng, cán bộ sẽ không liên hệ lại với bạn." : ""}`,
    );
  }
  return [
    "Dạ, bạn có chắc muốn xóa không? Mình sẽ xóa:",
    ...lines,
    "Đã xóa thì không lấy lại được.",
    "Gõ XÓA để xác nhận. Gõ nội dung khác thì mình giữ nguyên, không xóa gì.",
  ].join("\n");
}

/** The citizen said no, or the confirmation expired: nothing was deleted. */
export const FORGET_KEPT = "Dạ, mình không xóa gì, dữ liệu và hồ sơ của bạn vẫn giữ nguyên.";
