import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { RequestHandler, Router } from "express";
import { createHttpApp } from "../../src/http/index.js";
import { createLogger } from "../../src/logging/index.js";

/** Serves routers in the real HTTP app (headers, JSON errors) on a random port of `host`. */
export async function serve(
  routers: Router[],
  options: { host?: string; first?: RequestHandler } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const app = createHttpApp({ logger: createLogger("silent"), probes: {}, routers });
  const host = options.host ?? "127.0.0.1";
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, host, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host === "::" ? "127.0.0.1" : host}:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

/** A stand-in for the staff-session admin check: 401 without a session, 403 for a non-admin. */
export const fakeAdminOnly: RequestHandler = (req, res, next) => {
  const role = req.get("x-test-role");
  if (!role) {
    res.status(401).json({ error: { code: "unauthorized", message: "Bạn cần đăng nhập." } });
    return;
  }
  if (role !== "admin") {
    res.status(403).json({ error: { code: "forbidden", message: "Bạn không có quyền xem báo cáo." } });
    return;
  }
  next();
};
