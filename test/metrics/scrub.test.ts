import { describe, expect, it } from "vitest";
import { scrub } from "../../src/core/text/scrub.js";
import { rollupOps } from "../../src/metrics/rollup-ops.js";

describe("scrubbing personal numbers and e-mails from samples and notes", () => {
  it.each([
    ["gọi em 0912 345 678 nhé", "gọi em [số điện thoại] nhé"],
    ["sđt 0912.345.678 ạ", "sđt [số điện thoại] ạ"],
    ["số của tôi +84 912 345 678", "số của tôi [số điện thoại]"],
    ["84912345678", "[số điện thoại]"],
    ["+84-912-345-678", "[số điện thoại]"],
    ["09 12 34 56 78", "[số điện thoại]"],
    ["máy bàn 028 3829 1234", "máy bàn [số điện thoại]"],
    ["gọi 0912345678, 0987654321", "gọi [số điện thoại], [số điện thoại]"],
    ["điện thoại:0912345678", "điện thoại:[số điện thoại]"],
  ])("removes the phone number in %j", (input, expected) => {
    expect(scrub(input)).toBe(expected);
  });

  it.each([
    ["cccd 079203001234", "cccd [số giấy tờ]"],
    ["số căn cước: 0792 0300 1234", "số căn cước: [số giấy tờ]"],
    ["bhxh 7912345678", "bhxh [số giấy tờ]"],
    ["tài khoản 1903 5678 9012 34", "tài khoản [số giấy tờ]"],
  ])("removes the ID or account number in %j", (input, expected) => {
    expect(scrub(input)).toBe(expected);
  });

  it("removes a 9-digit CMND number (as a phone-like number: it is gone either way)", () => {
    expect(scrub("cmnd 025123456")).not.toMatch(/\d{6}/);
  });

  it.each([
    ["email nguyen.van.a@gmail.com", "email [email]"],
    ["nguyễn.thị.b@yahoo.com.vn hỏi", "[email] hỏi"],
  ])("removes the e-mail address in %j", (input, expected) => {
    expect(scrub(input)).toBe(expected);
  });

  it.each(["ngày 12/05/2024 điều 51", "luật 52/2014/QH13 khoản 2", "năm 2024 tôi 45 tuổi, nợ 50 triệu"])(
    "keeps dates, law numbers and small numbers in %j",
    (input) => {
      expect(scrub(input)).toBe(input);
    },
  );

  it("removes a landline written with the area code in brackets, (028) 3829 1234", () => {
    expect(scrub("(028) 3829 1234")).not.toMatch(/3829/);
  });
  it("removes a phone number glued to letters, sdt0912345678", () => {
    expect(scrub("sdt0912345678")).not.toMatch(/0912345678/);
  });
  it("removes a passport number, C1234567", () => {
    expect(scrub("hộ chiếu C1234567")).not.toMatch(/1234567/);
  });

  it("scrubs a sample again when rolling it up, so an unscrubbed writer cannot leak into the dashboard", () => {
    const ops = rollupOps(
      "p",
      "usage",
      "1-0",
      JSON.stringify({
        at: "2026-01-01T01:00:00Z",
        channel: "web",
        session: "h",
        kind: "fallback",
        sample: "Gọi 0912345678 hoặc a@b.vn",
      }),
    );
    const sample = ops.find((o) => o.t === "capped");
    expect(sample?.t === "capped" && sample.field).toBe("web|gọi [số điện thoại] hoặc [email]");
  });
});
