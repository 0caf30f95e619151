import { describe, expect, it } from "vitest";
import { normalize } from "../text/normalize.js";
import { detectEmergency } from "./detect-emergency.js";

const detect = (text: string) => detectEmergency(normalize(text));

describe("detectEmergency", () => {
  it.each([
    ["anh ta đang cầm dao đòi chém cả nhà", "violence-now"],
    ["ck dang danh e, cuu voi", "violence-now"],
    ["tôi không muốn sống nữa", "suicide"],
    ["em dinh tu tu toi nay", "suicide"],
    ["Con tôi bị ông hàng xóm xâm hại tình dục", "sexual-abuse"],
    ["dượng sờ soạng em mỗi tối", "sexual-abuse"],
    ["bố dượng đánh em bầm tím, em không dám về nhà", "child-abuse"],
    ["chị tôi bị bán sang Trung Quốc, họ không cho về", "trafficking"],
    ["bị giữ hộ chiếu, nhốt trong phòng không cho về", "trafficking"],
  ])("recognises %j as %s", (text, category) => {
    expect(detect(text)).toBe(category);
  });

  it.each([
    "thủ tục ly hôn đơn phương thế nào",
    "tư vấn pháp luật miễn phí ở đâu",
    "danh sách hộ nghèo năm nay",
    "đánh giá hồ sơ vay vốn mất bao lâu",
    "hai đứa trẻ đánh nhau ở trường thì phạt thế nào",
    "chồng đánh vợ thì bị xử phạt bao nhiêu tiền",
    "đang đáp ứng điều kiện hưởng bảo hiểm thất nghiệp chưa",
    "sổ hồng đứng tên ai",
  ])("does not raise an alarm for the ordinary question %j", (text) => {
    expect(detect(text)).toBeUndefined();
  });
});
