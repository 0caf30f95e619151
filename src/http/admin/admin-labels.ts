import type { Faq } from "../../content/index.js";
import type { HistoryAction } from "../../curation/index.js";

/** Where a FAQ stands, as the console says it. */
export const STATE_LABELS: Readonly<Record<Faq["status"], string>> = {
  draft: "Bản nháp",
  review: "Chờ duyệt",
  published: "Đang dùng",
  retired: "Ngừng dùng",
};

/** Audience ids of the corpus, in words. */
export const AUDIENCE_LABELS: Readonly<Record<string, string>> = {
  "tre-em": "Trẻ em",
  "ho-ngheo": "Hộ nghèo",
  "ho-can-ngheo": "Hộ cận nghèo",
  "dan-toc-thieu-so": "Người dân tộc thiểu số",
  "nguoi-khuyet-tat": "Người khuyết tật",
  "nguoi-cao-tuoi": "Người cao tuổi",
  "phu-nu": "Phụ nữ",
  "nguoi-lao-dong": "Người lao động",
  "nguoi-co-cong": "Người có công",
  "nan-nhan-bao-luc": "Nạn nhân bạo lực",
};

/** History actions in words. */
export const ACTION_LABELS: Readonly<Record<HistoryAction, string>> = {
  create: "Tạo mới",
  edit: "Sửa",
  "add-variant": "Thêm cách hỏi",
  restore: "Khôi phục",
  submit: "Gửi duyệt",
  reject: "Trả lại để sửa",
  approve: "Duyệt và xuất bản",
  retire: "Ngừng dùng",
  discard: "Bỏ bản sửa",
  "flag-amended": "Văn bản đã sửa đổi",
  import: "Lấy từ bản phát hành mới",
  propose: "Bản phát hành mới đề xuất",
};

/** Editor fields in words, for validation messages. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  faq: "Câu hỏi mẫu",
  id: "Mã câu hỏi",
  question: "Câu hỏi chính",
  variants: "Cách hỏi khác",
  topic: "Chủ đề",
  tags: "Từ khóa",
  audiences: "Đối tượng",
  legalBasis: "Căn cứ pháp lý",
  status: "Trạng thái",
  reviewedAt: "Ngày duyệt",
  reviewDue: "Hạn rà soát",
  verifiedAt: "Ngày kiểm tra số liệu",
  needsLegalReview: "Nội dung chưa kiểm chứng",
  related: "Câu hỏi liên quan",
  facets: "Điểm phân biệt với câu hỏi anh em",
  answer: "Câu trả lời",
};

const VN_TIME = new Intl.DateTimeFormat("vi-VN", {
  timeZone: "Asia/Ho_Chi_Minh",
  dateStyle: "short",
  timeStyle: "short",
});

/** An ISO instant in Vietnam time, e.g. "26/11/2026 08:00". */
export function vnTime(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : VN_TIME.format(date);
}
