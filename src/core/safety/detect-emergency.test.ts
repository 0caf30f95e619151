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
    ["chi toi bi ban sang tq roi", "trafficking"],
    ["chủ lấy hết giấy tờ, không cho về quê", "trafficking"],
    ["mẹ tôi đang chảy máu nhiều lắm", "medical"],
    ["ông tôi đang hấp hối sau khi bị đánh", "violence-now"],
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
    // Folding makes bạn người look like bán người.
    "Tôi quen anh bạn người Hàn Quốc, hai đứa tính cưới thì cần giấy gì",
    "bị bạn cho vay nặng lãi thì sao",
    // Held papers without confinement: an impound or a loan, not trafficking.
    "Xe máy bị công an giữ vì không có giấy tờ xe, bao lâu lấy lại được",
    "người cho vay giữ sổ đỏ làm tin thì phải làm giấy tờ gì",
    // Past events, told to ask about the law.
    "Bố tôi lúc nằm viện hấp hối có dặn để lại nhà cho em út, có giá trị không",
    "tuần trước bị hàng xóm đánh chảy máu đầu, thôn đưa ra hòa giải có được không",
    "thằng con 16 tuổi của tôi đánh nhau ở trường, công an gọi lên hỏi",
  ])("does not raise an alarm for the ordinary question %j", (text) => {
    expect(detect(text)).toBeUndefined();
  });
});
