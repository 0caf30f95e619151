import { describe, expect, it } from "vitest";
import {
  isAccept,
  isCancel,
  isSend,
  notADescription,
  parseContact,
  parseGroupNumbers,
  parsePhone,
  parseRating,
  parseYesNo,
} from "./parse-answers.js";

describe("intake answers", () => {
  it.each(["hủy", "Huỷ", "huy", "thôi", "dừng", "dừng lại", "cancel", "Hủy bỏ!", "/huy"])(
    "reads %j as a cancel",
    (text) => {
      expect(isCancel(text)).toBe(true);
    },
  );

  it("tells 'dừng' (stop) from 'đúng'/'dung' (right), which fold to the same letters", () => {
    expect(isCancel("đúng")).toBe(false);
    expect(isCancel("dung")).toBe(false);
    expect(isAccept("dung")).toBe(true);
    expect(isAccept("Đúng rồi")).toBe(true);
  });

  it.each([
    ["có", true],
    ["Co", true],
    ["đồng ý", true],
    ["ok", true],
    ["vâng ạ", true],
    ["không", false],
    ["ko", false],
    ["không đồng ý", false],
    ["ly hôn thế nào", undefined],
    ["có được chia tài sản không", undefined],
  ])("reads %j as yes/no %s", (text, expected) => {
    expect(parseYesNo(text)).toBe(expected);
  });

  it.each([
    ["0912 345 678", "0912345678"],
    ["0912.345.678", "0912345678"],
    ["+84 912345678", "0912345678"],
    ["+84 912 345 678", "0912345678"],
    ["84912345678", "0912345678"],
    ["số của tôi là 0387-123-456 ạ", "0387123456"],
    ["0251 3822 123", "02513822123"],
  ])("normalizes the phone %j to %s", (text, expected) => {
    expect(parsePhone(text)).toBe(expected);
  });

  it.each(["12345", "0112345678", "091234567", "09123456789", "0612345678", "không có"])(
    "rejects %j as a phone number",
    (text) => {
      expect(parsePhone(text)).toBeUndefined();
    },
  );

  it.each([
    ["1", "chat"],
    ["nhắn tin ở đây", "chat"],
    ["2", "phone"],
    ["gọi điện thoại", "phone"],
    ["3", undefined],
    ["sao cũng được", undefined],
  ])("reads the contact answer %j as %s", (text, expected) => {
    expect(parseContact(text)).toBe(expected);
  });

  it.each([
    ["2 5", [2, 5]],
    ["2, 5", [2, 5]],
    ["2 và 5", [2, 5]],
    ["số 5 và số 2", [2, 5]],
    ["2,5,2", [2, 5]],
    ["14", [14]],
  ])("reads the group numbers %j", (text, values) => {
    expect(parseGroupNumbers(text, 14)).toEqual({ kind: "numbers", values });
  });

  it("reads 0 and 'không' as none of the groups, and 'bỏ qua' / 'bo qua' / 'không rõ' as skipped", () => {
    expect(parseGroupNumbers("0", 14)).toEqual({ kind: "none" });
    expect(parseGroupNumbers("không", 14)).toEqual({ kind: "none" });
    expect(parseGroupNumbers("bỏ qua", 14)).toEqual({ kind: "skip" });
    expect(parseGroupNumbers("bo qua", 14)).toEqual({ kind: "skip" });
    expect(parseGroupNumbers("không rõ", 14)).toEqual({ kind: "skip" });
  });

  it.each(["15", "0 2", "2 hoặc 5", "hộ nghèo", ""])("asks again for the group answer %j", (text) => {
    expect(parseGroupNumbers(text, 14)).toBeUndefined();
  });

  it.each([
    ["5", 5],
    ["5 sao", 5],
    ["4 điểm", 4],
    ["chấm 3", 3],
    ["1/5", 1],
    ["6", undefined],
    ["5 năm tù", undefined],
  ])("reads the rating %j as %s", (text, expected) => {
    expect(parseRating(text)).toBe(expected);
  });

  it("accepts 'gửi', 'gởi' and 'gui' at the confirmation but not 'gọi'", () => {
    expect(isSend("gửi")).toBe(true);
    expect(isSend("Gởi đi")).toBe(true);
    expect(isSend("gui")).toBe(true);
    expect(isSend("gọi")).toBe(false);
  });

  it.each([
    ["0912 345 678", "phone"],
    ["sđt 0912.345.678", "phone"],
    ["Số điện thoại của tôi là +84 912 345 678", "phone"],
    ["001234567890", "number"],
    ["CCCD số 001 234 567 890", "number"],
    ["123", "number"],
  ] as const)("does not take %j as the story (%s)", (text, why) => {
    expect(notADescription(text)).toBe(why);
  });

  it.each([
    "Tôi cho hàng xóm vay 50 triệu có giấy vay, nay họ không trả",
    "Công ty nợ lương tôi 3 tháng, sđt 0912345678",
    "ly hôn thế nào",
  ])("takes %j as a story (words of its own, numbers or not)", (text) => {
    expect(notADescription(text)).toBeUndefined();
  });
});
