import { createServer, type RequestListener, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { BodyTooLargeError, fastRoutes, readBody, sendError } from "./fast-routes.js";

let server: Server | undefined;
afterEach(async () => {
  await new Promise((r) => server?.close(r) ?? r(undefined));
  server = undefined;
});

async function serve(listener: RequestListener): Promise<string> {
  server = createServer(listener);
  await new Promise<void>((r) => server?.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("fastRoutes", () => {
  it("answers a registered POST itself and hands everything else to the fallback", async () => {
    const routes = fastRoutes();
    routes.post("/hook", (_req, res) => res.writeHead(200).end("fast"));
    const base = await serve(routes.inFrontOf((req, res) => res.writeHead(200).end(`app ${req.method}`)));
    expect(await (await fetch(`${base}/hook`, { method: "POST", body: "x" })).text()).toBe("fast");
    expect(await (await fetch(`${base}/hook?x=1`, { method: "POST", body: "x" })).text()).toBe("fast");
    expect(await (await fetch(`${base}/hook`)).text()).toBe("app GET");
    expect(await (await fetch(`${base}/hook/more`, { method: "POST" })).text()).toBe("app POST");
  });

  it("refuses to mount two handlers on one path", () => {
    const routes = fastRoutes();
    routes.post("/hook", () => {});
    expect(() => routes.post("/hook", () => {})).toThrow(/already mounted/);
  });
});

describe("readBody", () => {
  const echo: RequestListener = (req, res) => {
    readBody(req, 10).then(
      (body) => res.writeHead(200).end(body),
      (error) =>
        error instanceof BodyTooLargeError
          ? sendError(res, 413, "too_large", "quá lớn")
          : sendError(res, 500, "x", String(error)),
    );
  };

  it("returns the body under the limit, byte for byte", async () => {
    const base = await serve(echo);
    const res = await fetch(base, { method: "POST", body: "xin chào" });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("xin chào");
  });

  it("refuses a declared length over the limit with the JSON error shape", async () => {
    const base = await serve(echo);
    const res = await fetch(base, { method: "POST", body: "x".repeat(11) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: "too_large", message: "quá lớn" } });
  });

  it("refuses a chunked body once it passes the limit", async () => {
    const base = await serve(echo);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(base, { method: "POST" }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.write("x".repeat(6));
      setTimeout(() => req.end("y".repeat(6)), 20);
    });
    expect(status).toBe(413);
  });
});
