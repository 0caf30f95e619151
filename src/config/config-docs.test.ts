// The defaults live in the schema; .env.example and the README's configuration table repeat them for
// people, and this test keeps the three in step (a changed default fails here until the docs follow).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { envSchema } from "./config-schema.js";

const shape = envSchema.shape as Record<
  string,
  { safeParse(v: unknown): { success: boolean; data?: unknown } }
>;
const defaultOf = (key: string): unknown => {
  const parsed = shape[key]?.safeParse(undefined);
  return parsed?.success ? parsed.data : undefined;
};
const parsedOf = (key: string, value: string): unknown => shape[key]?.safeParse(value).data;

const example = new Map(
  readFileSync(new URL("../../.env.example", import.meta.url), "utf8")
    .split("\n")
    .map((line) => /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1] as string, (m[2] ?? "").trim()]),
);

describe(".env.example", () => {
  it("lists every variable the service reads, and no other", () => {
    expect([...example.keys()].sort()).toEqual(Object.keys(shape).sort());
  });

  it("gives each variable with a default that default (organisation details are visibly examples)", () => {
    for (const [key, value] of example) {
      const fallback = defaultOf(key);
      if (value === "" || fallback === undefined) continue;
      if (key.startsWith("ORG_")) {
        expect(value, key).toMatch(/ví dụ/);
        continue;
      }
      expect(parsedOf(key, value), key).toEqual(fallback);
    }
  });
});

describe("the README's configuration table", () => {
  const rows = readFileSync(new URL("../../README.md", import.meta.url), "utf8")
    .split("\n")
    .filter((line) => /^\| `[A-Z][A-Z0-9_]*`/.test(line))
    .map((line) => line.split("|").map((cell) => cell.trim()));

  it("names only variables the service reads", () => {
    const named = rows.flatMap((cells) =>
      [...(cells[1] ?? "").matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]),
    );
    expect(named.length).toBeGreaterThan(30);
    for (const key of named) expect(Object.keys(shape), key).toContain(key);
  });

  it("states the schema's defaults where a row gives one value per variable", () => {
    let checked = 0;
    for (const cells of rows) {
      const keys = [...(cells[1] ?? "").matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1] as string);
      const values = [...(cells[2] ?? "").matchAll(/`([^`]*)`/g)].map((m) => m[1] as string);
      if (keys.length !== values.length) continue;
      keys.forEach((key, i) => {
        const fallback = defaultOf(key);
        if (fallback === undefined) return;
        expect(parsedOf(key, values[i] ?? ""), `${key} in the README`).toEqual(fallback);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(20);
  });
});
