import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password-hash.js";

const fast = { N: 2 ** 10, r: 8, p: 1 };

describe("hashPassword / verifyPassword", () => {
  it("verifies the password it hashed, with the default cost", async () => {
    const stored = await hashPassword("mật khẩu dài đủ");
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword("mật khẩu dài đủ", stored)).toBe(true);
  });

  it("salts every hash, so one password never hashes the same twice", async () => {
    expect(await hashPassword("same password", fast)).not.toBe(await hashPassword("same password", fast));
  });

  it("treats NFC and NFD spellings of a Vietnamese password as the same", async () => {
    const stored = await hashPassword("Mật khẩu".normalize("NFD"), fast);
    expect(await verifyPassword("Mật khẩu".normalize("NFC"), stored)).toBe(true);
  });

  it("rejects a wrong password and malformed hashes", async () => {
    const stored = await hashPassword("correct horse", fast);
    expect(await verifyPassword("correct horsf", stored)).toBe(false);
    expect(await verifyPassword("correct horse", "")).toBe(false);
    expect(await verifyPassword("correct horse", stored.replace("scrypt", "md5"))).toBe(false);
    expect(await verifyPassword("correct horse", stored.slice(0, -4))).toBe(false);
    expect(await verifyPassword("correct horse", "scrypt$x$8$1$c2FsdA$aGFzaA")).toBe(false);
  });
});
