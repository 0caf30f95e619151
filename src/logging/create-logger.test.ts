import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./create-logger.js";

function capture(secretHeaders?: readonly string[]) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger("info", stream, "json", secretHeaders) };
}

describe("createLogger", () => {
  it("redacts message text, phone numbers and secrets", () => {
    const { lines, logger } = capture();
    logger.info({ text: "chồng tôi đánh tôi", phone: "0912345678", masterKey: "k".repeat(20) }, "ask");
    logger.info({ msg: { text: "nested text", token: "abc" } }, "nested");
    const out = lines.join("");
    expect(out).not.toContain("chồng tôi");
    expect(out).not.toContain("0912345678");
    expect(out).not.toContain("kkkkkkkk");
    expect(out).not.toContain("nested text");
    expect(out).toContain("[redacted]");
  });

  it("redacts the secret headers it is given, such as a webhook's signature", () => {
    const { lines, logger } = capture(["X-Zevent-Signature"]);
    logger.info({ req: { headers: { "x-zevent-signature": "mac=s3cret", host: "bot.example" } } }, "request");
    expect(lines.join("")).not.toContain("s3cret");
    expect(lines.join("")).toContain("bot.example");
  });

  it("redacts credentials in request headers", () => {
    const { lines, logger } = capture();
    logger.info({ req: { headers: { authorization: "Bearer s3cret", cookie: "sid=s3cret" } } }, "request");
    expect(lines.join("")).not.toContain("s3cret");
  });
});
