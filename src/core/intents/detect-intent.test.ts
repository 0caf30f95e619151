import { describe, expect, it } from "vitest";
import { normalize } from "../text/normalize.js";
import { detectIntent } from "./detect-intent.js";

const intent = (text: string) => detectIntent(normalize(text));

describe("detectIntent", () => {
  it.each([
    ["Chào bạn", "greeting"],
    ["alo", "greeting"],
    ["cảm ơn nhiều nha", "thanks"],
    ["menu", "help"],
    ["bot này giúp được gì", "help"],
    ["cho tôi gặp cán bộ trợ giúp pháp lý", "ask-person"],
    ["muon noi chuyen voi nguoi that", "ask-person"],
    ["xóa dữ liệu của tôi", "delete-data"],
    ["bot có lưu tin nhắn của tôi không", "privacy"],
    ["con trai tôi vừa bị công an bắt tối qua", "complex-case"],
    ["mai tôi phải ra tòa mà chưa có luật sư", "complex-case"],
    ["tôi nhận được cáo trạng của viện kiểm sát", "complex-case"],
    ["tình trạng hồ sơ", "case-status"],
    ["hồ sơ của tôi đến đâu rồi", "case-status"],
    ["kiem tra ho so", "case-status"],
    ["cho mình hỏi mã TGPL-2026-000123", "case-status"],
  ])("reads %j as %s", (text, expected) => {
    expect(intent(text)).toBe(expected);
  });

  it.each([
    "chào bạn, cho hỏi thủ tục ly hôn đơn phương thế nào",
    "người bị tạm giữ được tối đa bao nhiêu ngày",
    "khi bị bắt tôi có quyền im lặng không",
    "cảm ơn bạn, vậy ly hôn thì con dưới 36 tháng ở với ai",
    "mẹ tôi chuyển tiền cho một người giả làm cháu",
    "hồ sơ ly hôn gồm những gì",
    "tra cứu tình trạng hồ sơ đăng ký kinh doanh trên cổng dịch vụ công ở đâu",
    "hồ sơ của tôi nộp ở xã hai tháng chưa có kết quả thì khiếu nại ở đâu",
  ])("leaves the question %j to search", (text) => {
    expect(intent(text)).toBeUndefined();
  });
});
