import { EventEmitter } from "node:events";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../logging/index.js";
import { RedisOutage } from "./redis-outage.js";
import { isRedisUnavailable } from "./redis-unavailable.js";

function recordingLogger() {
  const lines: { msg: string; level: number }[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: createLogger("info", sink), lines };
}

const refused = () =>
  Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:6390"), { code: "ECONNREFUSED" });

describe("RedisOutage", () => {
  it("logs one line when Redis becomes unreachable and one when it is back, however many connections fail", async () => {
    const { logger, lines } = recordingLogger();
    const outage = new RedisOutage(logger);
    const connections = [new EventEmitter(), new EventEmitter(), new EventEmitter()];
    for (const c of connections) outage.watch(c);
    for (const c of connections) c.emit("reconnecting", 100);
    for (let i = 0; i < 20; i++) for (const c of connections) c.emit("error", refused());
    expect(outage.down).toBe(true);
    for (const c of connections) c.emit("ready");
    expect(outage.down).toBe(false);
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => l.msg)).toEqual([
      "redis unreachable: requests that need it answer 503 until it is back",
      "redis reachable again",
    ]);
  });
});

describe("isRedisUnavailable", () => {
  it("recognises ioredis's fail-fast, retry and connection errors, also as a cause", () => {
    expect(
      isRedisUnavailable(new Error("Stream isn't writeable and enableOfflineQueue options is false")),
    ).toBe(true);
    expect(isRedisUnavailable(refused())).toBe(true);
    expect(isRedisUnavailable(new Error("Connection is closed."))).toBe(true);
    expect(isRedisUnavailable(new Error("rate limit", { cause: new Error("Command timed out") }))).toBe(true);
  });

  it("leaves other errors alone: a bad command or a bug stays a 500", () => {
    expect(
      isRedisUnavailable(new Error("WRONGTYPE Operation against a key holding the wrong kind of value")),
    ).toBe(false);
    expect(isRedisUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isRedisUnavailable("ECONNREFUSED")).toBe(false);
  });
});
