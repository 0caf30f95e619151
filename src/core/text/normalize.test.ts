import { describe, expect, it } from "vitest";
import { ABBREVIATIONS } from "./abbreviations.js";
import { fold, foldWords } from "./fold.js";
import { clean, MAX_TEXT_LENGTH, normalize } from "./normalize.js";

describe("normalize", () => {
  it.each([
    ["ck e ko ký đơn ly hôn thì sao", "chồng em không ký đơn ly hôn thì sao"],
    ["vk toi k dc nhan tien j", "vợ toi không được nhan tien gì"],
    ["li hôn mất bn tiền, làm ntn", "ly hôn mất bao nhiêu tiền, làm như thế nào"],
    ["Kí hđlđ r mới được BHXH?", "ký hợp đồng lao động rồi mới được bảo hiểm xã hội?"],
    ["mn ơi hok biết đc ko", "mọi người ơi không biết được không"],
    ["lí do qui định", "lý do quy định"],
  ])("expands %j", (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it("does not touch letters inside longer words", () => {
    expect(normalize("kiện cáo, ký kết, khó khăn")).toBe("kiện cáo, ký kết, khó khăn");
    expect(normalize("sổ hồng so hong")).toBe("sổ hồng so hong");
  });

  it("maps every table entry to a non-empty standard form", () => {
    for (const [from, to] of Object.entries(ABBREVIATIONS)) {
      expect(to.trim(), from).not.toBe("");
      expect(normalize(from)).toBe(to.toLowerCase());
    }
  });

  it("composes Unicode to NFC so decomposed input matches", () => {
    const decomposed = "ly hôn".normalize("NFD");
    expect(normalize(decomposed)).toBe("ly hôn");
  });

  it("strips control characters and collapses whitespace", () => {
    expect(clean("ly\u0000 hôn\u200b\t\n  thuận\u0007 tình")).toBe("ly hôn thuận tình");
  });

  it("caps the text at 2000 characters", () => {
    expect(clean("a".repeat(10_000))).toHaveLength(MAX_TEXT_LENGTH);
  });

  it("keeps emoji and HTML as text (escaping is the channel's job)", () => {
    expect(clean("<script>x</script> 😀")).toBe("<script>x</script> 😀");
  });
});

describe("fold", () => {
  it("removes diacritics including đ", () => {
    expect(fold("Đăng ký khai sinh ĐỦ hồ sơ")).toBe("dang ky khai sinh du ho so");
    expect(foldWords("Sổ đỏ, sổ hồng?")).toBe("so do so hong");
  });
});
