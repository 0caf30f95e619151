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
    ["có ai gọi lại cho tôi được không", "ask-person"],
    ["xóa dữ liệu của tôi", "delete-data"],
    ["Xóa dữ liệu", "delete-data"],
    ["tôi muốn xóa hết thông tin của tôi", "delete-data"],
    ["xoa lich su tro chuyen di", "delete-data"],
    ["làm sao để xóa dữ liệu của tôi", "privacy"],
    ["bot có lưu tin nhắn của tôi không", "privacy"],
    ["con trai tôi vừa bị công an bắt tối qua", "complex-case"],
    ["mai tôi phải ra tòa mà chưa có luật sư", "complex-case"],
    ["tôi nhận được cáo trạng của viện kiểm sát", "complex-case"],
    ["tình trạng hồ sơ", "case-status"],
    ["hồ sơ của tôi đến đâu rồi", "case-status"],
    ["kiem tra ho so", "case-status"],
    ["cho mình hỏi mã TGPL-2026-000123", "case-status"],
    ["giá vàng hôm nay", "out-of-scope"],
    ["ty gia do hom nay bao nhieu", "out-of-scope"],
    ["mai trời có mưa không ad", "out-of-scope"],
    ["kết quả xổ số miền bắc hôm nay", "out-of-scope"],
  ])("reads %j as %s", (text, expected) => {
    expect(intent(text)).toBe(expected);
  });

  it.each([
    "chào bạn, cho hỏi thủ tục ly hôn đơn phương thế nào",
    "người bị tạm giữ được tối đa bao nhiêu ngày",
    "khi bị bắt tôi có quyền im lặng không",
    "cảm ơn bạn, vậy ly hôn thì con dưới 36 tháng ở với ai",
    "mẹ tôi chuyển tiền cho một người giả làm cháu",
    "có ai gọi em xưng bên điện lực, bảo nợ tiền điện phải đóng ngay, vậy đúng không",
    "hôm qua có người gọi cho mẹ tôi tự xưng công an, đòi chuyển tiền",
    "vay 5 chỉ vàng của hàng xóm từ 2020, giờ trả theo giá vàng lúc vay hay giá vàng hôm nay",
    "hồ sơ ly hôn gồm những gì",
    "tra cứu tình trạng hồ sơ đăng ký kinh doanh trên cổng dịch vụ công ở đâu",
    "hồ sơ của tôi nộp ở xã hai tháng chưa có kết quả thì khiếu nại ở đâu",
  ])("leaves the question %j to search", (text) => {
    expect(intent(text)).toBeUndefined();
  });

  // Questions ABOUT deleting something are legal questions: none may reach the delete-my-data intent.
  it.each([
    "Thủ tục xóa thông tin cư trú khi trong gia đình có người mất như thế nào?",
    "xóa thông tin cư trú cho người đã chết",
    "xoa thong tin thuong tru cua bo toi da mat",
    "làm thế nào để xóa án tích",
    "xóa án tích sau bao lâu",
    "xóa thông tin lý lịch tư pháp",
    "xóa nợ xấu ngân hàng được không",
    "xóa nợ thuế cho doanh nghiệp",
    "xóa thông tin thế chấp trên sổ đỏ",
    "xóa đăng ký thế chấp quyền sử dụng đất",
    "thủ tục xóa tài khoản ngân hàng của người đã mất",
    "xóa tài khoản Zalo của tôi thế nào",
    "xóa thông tin cá nhân trên mạng xã hội bị lộ",
    "người khác đăng thông tin của tôi lên mạng, làm sao buộc họ xóa dữ liệu",
    "xóa thông tin đăng ký hộ kinh doanh",
    "xóa dữ liệu cư trú",
  ])("never reads the question %j as a request to delete the citizen's data", (text) => {
    expect(intent(text)).not.toBe("delete-data");
  });
});
