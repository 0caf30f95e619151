import { describe, expect, it } from "vitest";
import { ConfigError } from "../errors/index.js";
import { exampleOrgFields, loadConfig } from "./load-config.js";

describe("loadConfig", () => {
  it("applies defaults for a developer's machine", () => {
    const config = loadConfig({});
    expect(config.http.port).toBe(3000);
    expect(config.redis.url).toBe("redis://127.0.0.1:6379");
    expect(config.meili.url).toBeUndefined();
    expect(config.http.publicBaseUrl).toBe("http://localhost:3000");
  });

  it("returns a frozen object, deeply", () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.org)).toBe(true);
  });

  it("names the variable, the value and the expectation when PORT is not a number", () => {
    expect(() => loadConfig({ PORT: "abc" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "abc" })).toThrow(/PORT got "abc", expected an integer port/);
  });

  it("rejects a REDIS_URL that is not a redis URL", () => {
    expect(() => loadConfig({ REDIS_URL: "nope" })).toThrow(
      /REDIS_URL got "nope", expected a URL like redis:/,
    );
  });

  it("reads REDIS_CLUSTER_NODES as seed nodes, and refuses them without the hash tags or as a bad list", () => {
    const nodes = "10.0.0.1:7000,redis-b.internal:7001";
    const config = loadConfig({ REDIS_CLUSTER_NODES: nodes, REDIS_CLUSTER_HASH_TAGS: "true" });
    expect(config.redis.clusterNodes).toEqual([
      { host: "10.0.0.1", port: 7000 },
      { host: "redis-b.internal", port: 7001 },
    ]);
    expect(loadConfig({}).redis.clusterNodes).toBeUndefined();
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: nodes })).toThrow(
      /REDIS_CLUSTER_HASH_TAGS got false, expected true when REDIS_CLUSTER_NODES is set/,
    );
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: "10.0.0.1", REDIS_CLUSTER_HASH_TAGS: "true" })).toThrow(
      /REDIS_CLUSTER_NODES got "10.0.0.1", expected comma-separated host:port seeds/,
    );
  });

  it("never prints a secret in the error message", () => {
    try {
      loadConfig({ MEILI_MASTER_KEY: "short-secret" });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toContain("MEILI_MASTER_KEY");
      expect(String(error)).not.toContain("short-secret");
    }
  });

  it("reads the working clock, holidays and staff cookie security", () => {
    const config = loadConfig({
      HOLIDAYS: "2027-01-01, 2027-04-30",
      WORKDAY_START: "08:00",
      PUBLIC_BASE_URL: "https://tro-ly.example.vn",
      METRICS_ALLOW: "10.0.0.0/8, ::1/128",
    });
    expect(config.escalation.holidays).toEqual(["2027-01-01", "2027-04-30"]);
    expect(config.escalation.workdayStart).toBe("08:00");
    expect(config.staff.secureCookies).toBe(true);
    expect(config.metrics.allow).toEqual(["10.0.0.0/8", "::1/128"]);
    expect(loadConfig({}).staff.secureCookies).toBe(false);
    expect(() => loadConfig({ HOLIDAYS: "1/1/2027" })).toThrow(
      /HOLIDAYS got "1\/1\/2027", expected comma-separated dates/,
    );
    expect(() => loadConfig({ WORKDAY_END: "25:00" })).toThrow(
      /WORKDAY_END got "25:00", expected a time like 08:00/,
    );
  });

  it("takes TRUST_PROXY as hops or addresses, and refuses true (anyone could spoof an address)", () => {
    expect(loadConfig({ TRUST_PROXY: "1" }).http.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "loopback, 10.0.0.0/8" }).http.trustProxy).toBe("loopback,10.0.0.0/8");
    expect(loadConfig({}).http.trustProxy).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY got "true"/);
  });

  it("treats empty values as unset", () => {
    expect(loadConfig({ PORT: "", MEILI_URL: "  " }).http.port).toBe(3000);
  });

  it("marks demo organisation values as examples until they are configured", () => {
    expect(exampleOrgFields(loadConfig({}).org)).toContain("legalAidPhone");
    const configured = loadConfig({ ORG_LEGAL_AID_PHONE: "0251 000 0000" });
    expect(exampleOrgFields(configured.org)).not.toContain("legalAidPhone");
  });

  it("refuses to start in production with example organisation details or no hash secret", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/HASH_SECRET/);
    expect(() => loadConfig({ NODE_ENV: "production", HASH_SECRET: "x".repeat(32) })).toThrow(
      /ORG_NAME got the example value/,
    );
    const real = {
      NODE_ENV: "production",
      HASH_SECRET: "x".repeat(32),
      ORG_NAME: "Sở Tư pháp tỉnh Đồng Nai",
      ORG_LEGAL_AID_CENTER_NAME: "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Đồng Nai",
      ORG_LEGAL_AID_ADDRESS: "địa chỉ thật",
      ORG_LEGAL_AID_PHONE: "số thật",
      ORG_OPENING_HOURS: "7:30–17:00",
    };
    expect(loadConfig(real).env).toBe("production");
  });
});
