import { describe, expect, it } from "vitest";
import { parseFormData } from "./parse-form-data.js";

const TYPE = "multipart/form-data; boundary=----WebKitFormBoundaryX1";

function body(parts: readonly (readonly [string, string])[], extra = ""): Buffer {
  const text = parts
    .map(
      ([name, value]) =>
        `------WebKitFormBoundaryX1\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    )
    .join("");
  return Buffer.from(`${text}${extra}------WebKitFormBoundaryX1--\r\n`, "utf8");
}

describe("parseFormData", () => {
  it("reads text fields in UTF-8, keeps line breaks and turns a repeated name into an array", () => {
    const fields = parseFormData(
      body([
        ["question", "Ly hôn đơn phương thế nào?"],
        ["variants", "ly hôn 1 mình"],
        ["variants", ""],
        ["answer", "Dòng một\r\nDòng hai"],
      ]),
      TYPE,
    );
    expect(fields).toEqual({
      question: "Ly hôn đơn phương thế nào?",
      variants: ["ly hôn 1 mình", ""],
      answer: "Dòng một\r\nDòng hai",
    });
  });

  it("skips file parts", () => {
    const file =
      '------WebKitFormBoundaryX1\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nxyz\r\n';
    expect(parseFormData(body([["id", "a-b"]], file), TYPE)).toEqual({ id: "a-b" });
  });

  it("gives undefined without a boundary or for a truncated body", () => {
    expect(parseFormData(body([["id", "x"]]), "multipart/form-data")).toBeUndefined();
    const cut = body([["id", "x"]]).subarray(0, 40);
    expect(parseFormData(cut, TYPE)).toBeUndefined();
  });
});
