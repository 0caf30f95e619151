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

/** `/health/live` (the process runs) and `/health/ready` (every dependency answers). */
export function healthRouter(probes: Record<string, HealthProbe>, timeoutMs = 1500): Router {
  const router = Router();
  router.get("/health/live", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/health/ready", async (_req, res) => {
    const names = Object.keys(probes);
    const results = await Promise.all(names.map((name) => probe(probes[name] as HealthProbe, timeoutMs)));
    const checks = Object.fromEntries(names.map((name, i) => [name, results[i] ? "up" : "down"]));
    const down = names.filter((_, i) => !results[i]);
    res.status(down.length ? 503 : 200).json({ status: down.length ? "unavailable" : "ok", checks, down });
  });
  return router;
}
