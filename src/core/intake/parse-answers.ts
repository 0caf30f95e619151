import { foldWords } from "../text/fold.js";

/**
 * Readers of the citizen's short answers during an intake. Each takes the cleaned text as typed
 * and returns undefined when the answer is not understood (the intake then asks again).
 */

/** Lowercase words with their diacritics kept: "dừng" (stop) and "đúng" (right) both fold to "dung". */
function words(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const CANCEL =
  /^(?:(?:hủy|huỷ|huy)(?: bỏ| bo| hồ sơ| ho so| đi| di)?|(?:thôi|thoi)(?: (?:khỏi|khoi|không cần|khong can|không gửi nữa|khong gui nua))?|dừng(?: lại)?|dung lai|cancel|stop)(?: ạ| a)?$/;

/** "hủy", "huy", "thôi", "dừng", "cancel": the citizen stops the intake. */
export function isCancel(text: string): boolean {
  return CANCEL.test(words(text));
}

const YES = new Set([
  "co",
  "co a",
  "da co",
  "co dong y",
  "dong y",
  "dong y a",
  "toi dong y",
  "da dong y",
  "ok",
  "oke",
  "okay",
  "u",
  "uh",
  "vang",
  "vang a",
  "da vang",
  "da",
  "duoc",
  "dc",
  "yes",
  "y",
]);
const NO = new Set([
  "khong",
  "khong a",
  "da khong",
  "ko",
  "k",
  "kh",
  "no",
  "khong dong y",
  "toi khong dong y",
  "khong can",
]);

/** "có / đồng ý / ok" → true, "không / ko" → false, anything else → undefined. */
export function parseYesNo(text: string): boolean | undefined {
  const folded = foldWords(text);
  if (YES.has(folded)) return true;
  if (NO.has(folded)) return false;
  return undefined;
}

const RESUME = new Set(["tiep tuc", "tiep", "tiep di", "tiep tuc di", "continue"]);

/** "tiếp tục": the citizen comes back and wants the current question again. */
export function isResume(text: string): boolean {
  return RESUME.has(foldWords(text));
}

const SKIP = new Set([
  "bo qua",
  "khong ro",
  "chua ro",
  "khong biet",
  "ko biet",
  "k biet",
  "chua biet",
  "khong chac",
  "skip",
]);

/** "bỏ qua / không rõ / không biết": the citizen does not know. */
export function isSkip(text: string): boolean {
  return SKIP.has(foldWords(text));
}

const SEND = new Set(["gui", "gui di", "gui a", "gui ho so", "xac nhan", "dong y", "ok", "co", "co gui"]);

/** "gửi" (also "gởi", "gui", "xác nhận") at the confirmation step. */
export function isSend(text: string): boolean {
  const w = words(text);
  return SEND.has(foldWords(text)) || w === "gởi" || w === "gởi đi";
}

const ACCEPT = new Set(["dung", "dung roi", "dung a", "ok", "oke", "phai", "co", "vang", "u", "chinh xac"]);

/** "đúng / ok" at the topic step: the suggested topic is right ("dừng" is a cancel, handled before). */
export function isAccept(text: string): boolean {
  return ACCEPT.has(foldWords(text));
}

/** A whole-number choice "1".."max" ("số 3", "3."), or undefined. */
export function parseChoice(text: string, max: number): number | undefined {
  const m = /^(?:so |chon |cau )?(\d{1,2})$/.exec(foldWords(text));
  const n = m ? Number(m[1]) : Number.NaN;
  return n >= 1 && n <= max ? n : undefined;
}

/** Mobile (03/05/07/08/09 + 8 digits) or landline (02 + 9 digits), in the national `0…` form. */
const NATIONAL_PHONE = /^(?:0[35789]\d{8}|02\d{9})$/;
const PHONE_IN_TEXT = /(?<!\d)(?:\+\s?84|84|0)(?:[\s.\-()]*\d){8,10}/;

/** A Vietnamese phone number as typed ("0912 345 678", "0912.345.678", "+84 912345678") → "0912345678". */
export function parsePhone(text: string): string | undefined {
  const candidate = PHONE_IN_TEXT.exec(text)?.[0];
  if (!candidate) return undefined;
  const digits = candidate.replace(/[\s.\-()]/g, "");
  const national = digits.startsWith("+84")
    ? `0${digits.slice(3)}`
    : /^84\d{9,10}$/.test(digits)
      ? `0${digits.slice(2)}`
      : digits;
  return NATIONAL_PHONE.test(national) ? national : undefined;
}

/** True when the text holds something that looks like a phone number, valid or not. */
export function looksLikePhone(text: string): boolean {
  return /\d(?:[\s.-]?\d){6,}/.test(text);
}

/** Words that only label a number ("sđt 0912…", "CCCD số 0012…"): with them a number is still just a number. */
const NUMBER_LABELS =
  /\b(?:so|sdt|dt|dien thoai|so dien thoai|cua toi|toi|la|zalo|cccd|cmnd|can cuoc|cong dan|can cuoc cong dan|chung minh|chung minh nhan dan|ma|ho chieu|tai khoan|stk|id|dinh danh|ma dinh danh)\b/g;

/**
 * Why a text offered as the story is not one: a phone number, or only digits (an ID number) with at
 * most a word or two around it. Undefined for a text with words of its own.
 */
export function notADescription(text: string): "phone" | "number" | undefined {
  const folded = foldWords(text);
  const rest = folded.replace(/\d+/g, " ").replace(NUMBER_LABELS, " ").trim();
  if (rest.split(" ").filter(Boolean).length >= 2) return undefined;
  if (parsePhone(text)) return "phone";
  return /\d/.test(folded) || !rest ? "number" : undefined;
}

/** 1 / "nhắn tin" → chat, 2 / "gọi điện" → phone. */
export function parseContact(text: string): "chat" | "phone" | undefined {
  const folded = foldWords(text);
  const chat = folded === "1" || /\b(?:chat|nhan tin|tin nhan|khung chat|o day|tra loi o day)\b/.test(folded);
  const phone = folded === "2" || /\b(?:goi|dien thoai|sdt|so dien thoai|call)\b/.test(folded);
  if (chat === phone) return undefined;
  return chat ? "chat" : "phone";
}

/** The answer to the numbered screening list. */
export type GroupAnswer =
  | { readonly kind: "numbers"; readonly values: readonly number[] }
  | { readonly kind: "none" }
  | { readonly kind: "skip" };

const NONE = new Set([
  "0",
  "khong",
  "ko",
  "k",
  "khong co",
  "khong thuoc",
  "khong thuoc nhom nao",
  "khong nhom nao",
  "khong co nhom nao",
]);

/** "2 5", "2, 5", "2 và 5", "số 2 và số 5" → numbers; "0" / "không" → none; "bỏ qua" → skip. */
export function parseGroupNumbers(text: string, max: number): GroupAnswer | undefined {
  if (isSkip(text)) return { kind: "skip" };
  const folded = foldWords(text);
  if (NONE.has(folded)) return { kind: "none" };
  const tokens = folded
    .replace(/\b(?:va|voi|so|nhom|cau|la)\b/g, " ")
    .split(" ")
    .filter(Boolean);
  if (tokens.length === 0 || !tokens.every((t) => /^\d{1,2}$/.test(t))) return undefined;
  const values = [...new Set(tokens.map(Number))].sort((a, b) => a - b);
  if (values.some((v) => v < 1 || v > max)) return undefined;
  return { kind: "numbers", values };
}

/** "5", "5 sao", "4 điểm", "chấm 3" → 1..5 for a pending rating. */
export function parseRating(text: string): number | undefined {
  const m = /^(?:(?:cham|danh gia|toi cham) )?([1-5])(?: (?:sao|diem|d|tren 5|5))?$/.exec(foldWords(text));
  return m ? Number(m[1]) : undefined;
}
