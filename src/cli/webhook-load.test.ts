import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { latencySummary, quantile, rawPost, startWebhookLoad, type WebhookLoad } from "./webhook-load.js";

let server: Server | undefined;
let load: WebhookLoad | undefined;
afterEach(async () => {
  await load?.close();
  load = undefined;
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
});

/** A server that answers each POST with the status its body names, after reading the whole body. */
async function statusServer(received: string[]): Promise<number> {
  const s = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => {
      body += c;
    });
    req.on("end", () => {
      received.push(body);
      const status = Number(/"status":(\d+)/.exec(body)?.[1] ?? 200);
      // A body on the refusals, split over two writes: the client must read past it to the next answer.
      if (status === 200) res.writeHead(200, { "content-length": 0 }).end();
      else {
        const text = JSON.stringify({ error: { code: "x", message: "Chữ ký không hợp lệ. ".repeat(400) } });
        res.writeHead(status, {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(text),
        });
        res.write(text.slice(0, 100));
        setTimeout(() => res.end(text.slice(100)), 5);
      }
    });
  });
  server = s;
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  return (s.address() as AddressInfo).port;
}

const post = (port: number, payload: object) =>
  rawPost({
    host: `127.0.0.1:${port}`,
    path: "/hook",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(payload),
  });

describe("webhook load generator", () => {
  it("times a burst, one request per connection, and counts what was not a 200", async () => {
    const received: string[] = [];
    const port = await statusServer(received);
    load = await startWebhookLoad({ host: "127.0.0.1", port, connections: 10 });
    const requests = Array.from({ length: 10 }, (_, i) =>
      post(port, { i, text: "Tôi muốn hỏi về đất đai 🏠", status: i < 2 ? 401 : 200 }),
    );
    const run = await load.burst(requests);
    expect(run.latencies).toHaveLength(8);
    expect(run.failures).toBe(2);
    expect(run.statuses).toEqual([401, 401]);
    for (const ms of run.latencies) expect(ms).toBeGreaterThan(0);
    // Multi-byte text arrives whole: content-length counts bytes.
    expect(received.map((b) => JSON.parse(b).text)).toEqual(Array(10).fill("Tôi muốn hỏi về đất đai 🏠"));
  });

  it("keeps every connection busy until the time is up, reading past bodies to the next answer", async () => {
    const received: string[] = [];
    const port = await statusServer(received);
    load = await startWebhookLoad({ host: "127.0.0.1", port, connections: 4 });
    const requests = Array.from({ length: 5000 }, (_, i) =>
      post(port, { i, status: i % 50 === 0 ? 503 : 200 }),
    );
    const run = await load.sustain(requests, 0.5);
    expect(run.latencies.length + run.failures).toBe(received.length);
    expect(received.length).toBeGreaterThan(40);
    expect(run.statuses.every((s) => s === 503)).toBe(true);
    expect(run.failures).toBeGreaterThan(0);
  });

  it("fails the run when the server drops a connection, instead of waiting forever", async () => {
    server = createServer((req) => req.socket.destroy());
    await new Promise<void>((r) => server?.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    load = await startWebhookLoad({ host: "127.0.0.1", port, connections: 2 });
    await expect(load.burst([post(port, {}), post(port, {})])).rejects.toThrow(/closed the connection/);
  });

  it("refuses a header that would split the request", () => {
    expect(() => rawPost({ host: "h", path: "/", headers: { "x-a": "1\r\nx-b: 2" }, body: "" })).toThrow();
  });

  it("reads quantiles off sorted values", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(sorted, 0.5)).toBe(51);
    expect(quantile(sorted, 0.99)).toBe(100);
    expect(quantile([], 0.99)).toBe(0);
    expect(latencySummary([3.04, 1, 2])).toEqual({ p50: 2, p99: 3, max: 3 });
  });

  it("refuses a burst larger than its connections (each carries one request at a time)", async () => {
    const port = await statusServer([]);
    load = await startWebhookLoad({ host: "127.0.0.1", port, connections: 2 });
    await expect(load.burst([post(port, {}), post(port, {}), post(port, {})])).rejects.toThrow(
      /3 connections/,
    );
  });
});
