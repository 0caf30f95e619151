import express, { type Express, type Router } from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import type { Logger } from "../logging/index.js";
import { errorHandler, notFound } from "./error-handler.js";
import { type HealthDetail, type HealthFallback, type HealthProbe, healthRouter } from "./health-router.js";

/** What the HTTP app needs; routers of other modules are mounted in the given order. */
export interface HttpAppDeps {
  readonly logger: Logger;
  readonly probes: Record<string, HealthProbe>;
  /** Shown in `/health/ready` without failing it (see HealthDetail). */
  readonly healthDetails?: Record<string, HealthDetail>;
  /** What the instance serves while a probed dependency is down (see HealthFallback). */
  readonly healthFallbacks?: Record<string, HealthFallback>;
  readonly trustProxy?: false | number | string;
  readonly routers?: readonly Router[];
  /** Mounted first, before headers, request logs and the JSON parser (webhooks that need the raw body). */
  readonly rawRouters?: readonly Router[];
}

/**
 * Requests that repeat on their own (health checks, the web chat's inbox poll, the staff page's
 * live stream, page assets) are logged at debug when they succeed; failures always show.
 */
const ROUTINE =
  /^\/(?:health(?:\/|$)|api\/v1\/inbox(?:\?|$)|staff\/live|.*\.(?:css|js|svg|png|ico|woff2?)(?:\?|$))/;

export function requestLogLevel(
  req: { method?: string; url?: string },
  res: { statusCode: number },
  err?: Error,
): "debug" | "info" | "warn" | "error" {
  if (err || res.statusCode >= 500) return "error";
  if (res.statusCode >= 400) return "warn";
  if (req.method === "GET" && ROUTINE.test(req.url ?? "")) return "debug";
  return "info";
}

/** Builds the express app: security headers, request logs, body limit, health, routes, JSON errors. */
export function createHttpApp(deps: HttpAppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", deps.trustProxy ?? false);
  // Platform webhooks first: they need the raw body, answer machines (no security headers to
  // render a page) and must acknowledge fast; they log what matters themselves.
  for (const router of deps.rawRouters ?? []) app.use(router);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { "script-src": ["'self'"], "img-src": ["'self'", "data:"], "connect-src": ["'self'"] },
      },
    }),
  );
  app.use(
    pinoHttp({
      logger: deps.logger.child({ module: "http" }),
      customLogLevel: requestLogLevel,
      // A 503 while a service is down is logged once by that service's client: no stack per request.
      customErrorObject: (_req, res, _error, value: Record<string, unknown>) =>
        res.statusCode === 503 ? { ...value, err: undefined } : value,
      serializers: {
        req: (req: { method: string; url: string; id: unknown }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split("?")[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(
    healthRouter({ probes: deps.probes, details: deps.healthDetails, fallbacks: deps.healthFallbacks }),
  );
  app.use(express.json({ limit: "16kb" }));
  app.use(express.urlencoded({ extended: false, limit: "16kb" }));
  for (const router of deps.routers ?? []) app.use(router);
  app.use(notFound);
  app.use(errorHandler(deps.logger.child({ module: "http" })));
  return app;
}
