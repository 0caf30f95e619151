import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { Router } from "express";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as channelErrors from "../channels/errors.js";
import * as channels from "../channels/index.js";
import * as curationErrors from "../curation/errors.js";
import * as curation from "../curation/index.js";
import { AppError, DependencyError } from "../errors/index.js";
import * as escalationErrors from "../escalation/errors.js";
import * as escalation from "../escalation/index.js";
import { createLogger } from "../logging/index.js";
import { createHttpApp } from "./create-app.js";
import { ERROR_STATUS, toHttpError } from "./error-status.js";
import { HttpError } from "./http-error.js";

type ErrorClass = (abstract new (...args: never[]) => AppError) & { codes?: readonly string[] };

/** The error classes of a module's errors file. */
function classesOf(module: Record<string, unknown>): [string, ErrorClass][] {
  return Object.entries(module).filter(
    (entry): entry is [string, ErrorClass] =>
      typeof entry[1] === "function" && entry[1].prototype instanceof AppError,
  );
}

const MODULES = [
  { name: "escalation", errors: escalationErrors, index: escalation as Record<string, unknown> },
  { name: "curation", errors: curationErrors, index: curation as Record<string, unknown> },
  { name: "channels", errors: channelErrors, index: channels as Record<string, unknown> },
];

describe("the HTTP error table", () => {
  it("gives every code a 4xx or 5xx status and a message", () => {
    for (const [code, row] of Object.entries(ERROR_STATUS)) {
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(row.status, code).toBeGreaterThanOrEqual(400);
      expect(row.status, code).toBeLessThan(600);
      expect(row.message.trim(), code).not.toBe("");
    }
  });

  for (const { name, errors, index } of MODULES) {
    it(`has a row for every code of every error class in ${name}/errors.ts, each exported from the module`, () => {
      const classes = classesOf(errors);
      expect(classes.length).toBeGreaterThan(0);
      for (const [className, errorClass] of classes) {
        expect(errorClass.codes, `${className}.codes`).toBeDefined();
        expect(errorClass.codes?.length, `${className}.codes`).toBeGreaterThan(0);
        for (const code of errorClass.codes ?? [])
          expect(Object.keys(ERROR_STATUS), className).toContain(code);
        expect(index[className], `${name}/index.ts exports ${className}`).toBe(errorClass);
      }
    });
  }
});

describe("toHttpError", () => {
  it("answers a module error with its table row and the error as cause", () => {
    const error = new escalation.CaseNotFoundError("TGPL-2026-000001");
    const mapped = toHttpError(error);
    expect(mapped).toMatchObject({ status: 404, code: "case_not_found", cause: error });
    expect(mapped?.body()).toEqual({
      error: { code: "case_not_found", message: "Không tìm thấy hồ sơ này, hoặc bạn không có quyền xem." },
    });
  });

  it("tells a closed case from another wrong status, and a non-holder from an unknown colleague", () => {
    const id = "TGPL-2026-000001";
    expect(toHttpError(new escalation.CaseStateError(id, "closed", "reply"))).toMatchObject({
      status: 409,
      code: "case_closed",
    });
    expect(toHttpError(new escalation.CaseStateError(id, "exists", "create"))).toMatchObject({
      status: 409,
      code: "case_state",
    });
    expect(toHttpError(new escalation.CaseActionDeniedError(id, "not-holder", "reply"))).toMatchObject({
      status: 403,
      code: "not_holder",
    });
    expect(
      toHttpError(new escalation.CaseActionDeniedError(id, "unknown-account", "transfer")),
    ).toMatchObject({
      status: 400,
      code: "unknown_account",
    });
  });

  it("shows an invalid FAQ's fields beside the message, and nothing else of the error", () => {
    const fields = { question: "bắt buộc", "variants.2": "trùng" };
    const body = toHttpError(new curation.FaqValidationError(fields))?.body();
    expect(body).toEqual({
      error: {
        code: "invalid_faq",
        message: "Nội dung chưa hợp lệ. Bạn xem lại các ô được đánh dấu.",
        fields,
      },
    });
    expect(toHttpError(new curation.FourEyesError("faq-1", "lan"))?.body().error).not.toHaveProperty(
      "reviewer",
    );
  });

  it("answers a body that fails its schema with 400 and the schema's first message", () => {
    const parsed = z.object({ note: z.string({ message: "Bạn nhập ghi chú." }) }).safeParse({});
    expect(parsed.success).toBe(false);
    expect(toHttpError(parsed.error)).toMatchObject({
      status: 400,
      code: "bad_request",
      message: "Bạn nhập ghi chú.",
    });
  });

  it("answers express's body-parser refusals with their own codes", () => {
    const tooLarge = Object.assign(new Error("request entity too large"), {
      type: "entity.too.large",
      status: 413,
    });
    expect(toHttpError(tooLarge)).toMatchObject({ status: 413, code: "too_large" });
    const badJson = Object.assign(new Error("Unexpected token"), {
      type: "entity.parse.failed",
      status: 400,
    });
    expect(toHttpError(badJson)).toMatchObject({ status: 400, code: "bad_json" });
  });

  it("passes an HttpError through, and leaves a bug or an error no request should meet to the 500 path", () => {
    const own = new HttpError(428, "version_required", "Thiếu phiên bản.");
    expect(toHttpError(own)).toBe(own);
    expect(toHttpError(new TypeError("x is undefined"))).toBeUndefined();
    expect(toHttpError(new DependencyError("meilisearch", "no binary"))).toBeUndefined();
  });
});

describe("the app's JSON error handler", () => {
  it("answers module errors through the table, and logs a 500 row but not a refusal", async () => {
    const lines: Array<{ level: number; msg?: string }> = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const router = Router();
    router.get("/closed", () => {
      throw new escalation.CaseStateError("TGPL-2026-000001", "closed", "reply");
    });
    router.get("/fax", () => {
      channels.channelRegistry.get("fax");
    });
    const app = createHttpApp({ logger: createLogger("info", stream), probes: {}, routers: [router] });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const closed = await fetch(`${base}/closed`);
      expect(closed.status).toBe(409);
      expect(await closed.text()).toBe('{"error":{"code":"case_closed","message":"Hồ sơ đã đóng."}}');
      expect(lines.filter((l) => l.msg === "unhandled error")).toEqual([]);
      const fax = await fetch(`${base}/fax`);
      expect(fax.status).toBe(500);
      expect(((await fax.json()) as { error: { code: string } }).error.code).toBe("unknown_channel");
      expect(lines.filter((l) => l.msg === "unhandled error")).toHaveLength(1);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
