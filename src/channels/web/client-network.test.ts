import { describe, expect, it } from "vitest";
import { clientNetwork } from "./client-network.js";

describe("clientNetwork", () => {
  it("counts an IPv4 address as itself, also when a dual-stack socket reports it mapped", () => {
    expect(clientNetwork("203.0.113.7")).toBe("203.0.113.7");
    expect(clientNetwork("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("counts IPv6 addresses by their /64, however they are written", () => {
    const a = clientNetwork("2001:db8:abcd:12::1");
    expect(a).toBe("2001:db8:abcd:12::/64");
    expect(clientNetwork("2001:0DB8:abcd:0012:ffff:1:2:3")).toBe(a);
    expect(clientNetwork("2001:db8:abcd:13::1")).not.toBe(a);
    expect(clientNetwork("::1")).toBe("0:0:0:0::/64");
  });

  it("gives nothing for a missing or malformed address", () => {
    expect(clientNetwork(undefined)).toBeUndefined();
    expect(clientNetwork("")).toBeUndefined();
    expect(clientNetwork("not-an-ip")).toBeUndefined();
  });
});
