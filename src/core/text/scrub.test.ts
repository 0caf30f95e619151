import { describe, expect, it } from "vitest";
import { scrub } from "./scrub.js";

describe("scrub", () => {
  it.each([
    ["số em là 0912345678 gọi lại giúp", "số em là [số điện thoại] gọi lại giúp"],
    ["sdt 091 234 5678", "sdt [số điện thoại]"],
    ["gọi 0912.345.678 nhé", "gọi [số điện thoại] nhé"],
    ["+84 912 345 678", "[số điện thoại]"],
    ["CCCD 079203001234 của tôi", "CCCD [số giấy tờ] của tôi"],
    ["cmnd 281234567", "cmnd [số giấy tờ]"],
    ["mail nguyenvana@gmail.com nha", "mail [email] nha"],
  ])("removes identifiers from %j", (input, expected) => {
    expect(scrub(input)).toBe(expected);
  });

  it("keeps short numbers that carry meaning (ages, amounts, hotlines, articles)", () => {
    const text = "con 16 tuổi, vay 50 triệu, lãi 20%, gọi 113 hoặc 1800.1233, Điều 56 năm 2014";
    expect(scrub(text)).toBe(text);
  });
});
