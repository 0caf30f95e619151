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

/**
 * What this instance still serves while a probed dependency is down (Meilisearch: the corpus
 * snapshot in memory), or undefined when it serves nothing without it. While it serves, the
 * dependency's failure makes `/health/ready` "degraded" (200), not 503.
 */
export type HealthFallback = () => ({ readonly serving: string } & Record<string, unknown>) | undefined;

/** `/health/live` (the process runs) and `/health/ready` (every dependency answers, or has a fallback). */
export function healthRouter(options: {
  readonly probes: Record<string, HealthProbe>;
  readonly timeoutMs?: number;
  readonly details?: Record<string, HealthDetail>;
  readonly fallbacks?: Record<string, HealthFallback>;
}): Router {
  const { probes, timeoutMs = 1500, details = {}, fallbacks = {} } = options;
  const router = Router();
  router.get("/health/live", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/health/ready", async (_req, res) => {
    const names = Object.keys(probes);
    const results = await Promise.all(names.map((name) => probe(probes[name] as HealthProbe, timeoutMs)));
    const checks = Object.fromEntries(names.map((name, i) => [name, results[i] ? "up" : "down"]));
    const failed = names.filter((_, i) => !results[i]);
    const fallingBack = failed.flatMap((name) => {
      const serving = fallbacks[name]?.();
      return serving ? [[name, { ok: false, state: "down", ...serving }] as const] : [];
    });
    const down = failed.filter((name) => !fallingBack.some(([n]) => n === name));
    const shown = [
      ...fallingBack,
      ...Object.entries(details).flatMap(([name, detail]) => {
        const value = detail();
        return value ? [[name, value] as const] : [];
      }),
    ];
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
