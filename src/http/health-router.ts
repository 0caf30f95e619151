import { Router } from "express";

/** A named readiness probe: resolves true when the dependency answers. */
export type HealthProbe = () => Promise<boolean>;

async function probe(check: HealthProbe, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([check().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A named detail shown in `/health/ready`: undefined when there is nothing to show. `ok: false`
 * makes the status "degraded" but not 503: a bot silenced by a second poller (Telegram 409) must
 * not take this instance out of the load balancer, or a rolling deploy would never finish.
 */
export type HealthDetail = () => ({ readonly ok: boolean } & Record<string, unknown>) | undefined;

/** `/health/live` (the process runs) and `/health/ready` (every dependency answers). */
export function healthRouter(
  probes: Record<string, HealthProbe>,
  timeoutMs = 1500,
  details: Record<string, HealthDetail> = {},
): Router {
  const router = Router();
  router.get("/health/live", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/health/ready", async (_req, res) => {
    const names = Object.keys(probes);
    const results = await Promise.all(names.map((name) => probe(probes[name] as HealthProbe, timeoutMs)));
    const checks = Object.fromEntries(names.map((name, i) => [name, results[i] ? "up" : "down"]));
    const down = names.filter((_, i) => !results[i]);
    const shown = Object.entries(details).flatMap(([name, detail]) => {
      const value = detail();
      return value ? [[name, value] as const] : [];
    });
    const degraded = shown.some(([, value]) => !value.ok);
    res.status(down.length ? 503 : 200).json({
      status: down.length ? "unavailable" : degraded ? "degraded" : "ok",
      checks,
      down,
      ...(shown.length ? { details: Object.fromEntries(shown) } : {}),
    });
  });
  return router;
}
