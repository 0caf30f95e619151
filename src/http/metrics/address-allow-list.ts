import { BlockList, isIPv4, isIPv6 } from "node:net";

/** Checks addresses against CIDR ranges (IPv4 and IPv6); IPv4-mapped IPv6 (`::ffff:1.2.3.4`) counts as IPv4. */
export interface AddressAllowList {
  allows(address: string | undefined): boolean;
}

/** Builds the list from ranges like `127.0.0.1/32`, `10.0.0.0/8`, `::1/128`, or bare addresses; throws on a bad one. */
export function addressAllowList(ranges: readonly string[]): AddressAllowList {
  const list = new BlockList();
  for (const raw of ranges) {
    const range = raw.trim();
    if (!range) continue;
    const [address = "", bits] = range.split("/");
    const type = isIPv4(address) ? "ipv4" : isIPv6(address) ? "ipv6" : undefined;
    const max = type === "ipv4" ? 32 : 128;
    const prefix = bits === undefined ? max : Number(bits);
    if (
      !type ||
      !Number.isInteger(prefix) ||
      prefix < 0 ||
      prefix > max ||
      (bits !== undefined && !/^\d+$/.test(bits))
    ) {
      throw new Error(`Not an address range: ${range}`);
    }
    list.addSubnet(address, prefix, type);
  }
  return {
    allows(address) {
      if (!address) return false;
      const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
      if (mapped) return list.check(mapped, "ipv4") || list.check(address, "ipv6");
      if (isIPv4(address)) return list.check(address, "ipv4");
      if (isIPv6(address)) return list.check(address, "ipv6");
      return false;
    },
  };
}
