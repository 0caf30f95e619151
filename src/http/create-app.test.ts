import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { Router } from "express";
import { describe, expect, it } from "vitest";
import { createLogger } from "../logging/index.js";
import { createHttpApp, requestLogLevel } from "./create-app.js";

function capture() {
  const lines: Array<{ level: number; req?: { path: string }; res?: { statusCode: number } }> = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: createLogger("info", stream) };
}

describe("request logs", () => {
  it("log the health check, the web chat's poll and the staff live stream at debug, other requests at info", () => {
    const ok = { statusCode: 200 };
    expect(requestLogLevel({ method: "GET", url: "/health/ready" }, ok)).toBe("debug");
    expect(requestLogLevel({ method: "GET", url: "/api/v1/inbox?after=3" }, ok)).toBe("debug");
    expect(requestLogLevel({ method: "GET", url: "/staff/live" }, ok)).toBe("debug");
    expect(requestLogLevel({ method: "GET", url: "/staff/staff.css" }, ok)).toBe("debug");
    expect(requestLogLevel({ method: "POST", url: "/api/v1/ask" }, ok)).toBe("info");
    expect(requestLogLevel({ method: "GET", url: "/staff/cases/abc" }, ok)).toBe("info");
    expect(requestLogLevel({ method: "GET", url: "/api/v1/inboxes" }, ok)).toBe("info");
  });

  it("always show failures, routine paths included", () => {
    expect(requestLogLevel({ method: "GET", url: "/health/ready" }, { statusCode: 503 })).toBe("error");
    expect(requestLogLevel({ method: "GET", url: "/api/v1/inbox" }, { statusCode: 429 })).toBe("warn");
    expect(requestLogLevel({ method: "POST", url: "/api/v1/ask" }, { statusCode: 200 }, new Error("x"))).toBe(
      "error",
    );
  });

  it("an app at info writes no line for a poll and one for an ask", async () => {
    const { lines, logger } = capture();
    const router = Router();
    router.get("/api/v1/inbox", (_req, res) => void res.json({ messages: [] }));
    router.post("/api/v1/ask", (_req, res) => void res.json({ ok: true }));
    const server = createHttpApp({ logger, probes: {}, routers: [router] }).listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (let i = 0; i < 3; i++) await (await fetch(`${base}/api/v1/inbox`)).text();
      await (await fetch(`${base}/health/live`)).text();
      await (await fetch(`${base}/api/v1/ask`, { method: "POST" })).text();
    } finally {
      await new Promise((r) => server.close(r));
    }
    const logged = lines.filter((l) => l.req).map((l) => l.req?.path);
    expect(logged).toEqual(["/api/v1/ask"]);
  });
});
