import { createHash, timingSafeEqual } from "node:crypto";
import { Router } from "express";
import type { Registry } from "prom-client";
import { addressAllowList } from "./address-allow-list.js";

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * `GET /metrics` in the Prometheus text format, served to an address in `allow` (CIDR ranges;
 * the address is `req.ip`, so it follows the app's trust-proxy setting) or to a request with
 * `Authorization: Bearer <token>` (compared in constant time). A wrong token gets 401, anyone
 * else 403.
 */
export function metricsRouter(deps: {
  registry: Registry;
  allow: readonly string[];
  token?: string;
}): Router {
  const allowed = addressAllowList(deps.allow);
  const token = deps.token ? digest(deps.token) : undefined;
  const router = Router();
  router.get("/metrics", async (req, res) => {
    const header = req.get("authorization");
    const bearer = header?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
    const tokenOk = token !== undefined && bearer !== undefined && timingSafeEqual(digest(bearer), token);
    if (!tokenOk && !allowed.allows(req.ip ?? req.socket.remoteAddress)) {
      if (header !== undefined) {
        res
          .status(401)
          .set("WWW-Authenticate", "Bearer")
          .json({ error: { code: "unauthorized", message: "Sai mã truy cập." } });
      } else {
        res
          .status(403)
          .json({ error: { code: "forbidden", message: "Địa chỉ này không được xem số liệu giám sát." } });
      }
      return;
    }
    res
      .set("Cache-Control", "no-store")
      .type(deps.registry.contentType)
      .send(await deps.registry.metrics());
  });
  return router;
}
