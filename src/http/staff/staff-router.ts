import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { Router } from "express";
import type { Redis } from "ioredis";
import type { Config } from "../../config/index.js";
import type { CaseLive, CaseService, StaffAccounts } from "../../escalation/index.js";
import type { Logger } from "../../logging/index.js";
import { staffApiRouter } from "./staff-api-router.js";
import { staffLiveRouter } from "./staff-live-router.js";
import { staffLogin } from "./staff-login.js";
import { staffPagesRouter } from "./staff-pages-router.js";

/** The console's stylesheet (no CDN): `public/` beside this module (the build copies it into dist/). */
export const STAFF_PUBLIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "public");

/** What the staff console and its API need. */
export interface StaffRouterDeps {
  readonly service: CaseService;
  readonly accounts: StaffAccounts;
  /** For the per-IP login limit (rate-limiter-flexible), shared by all instances. */
  readonly redis: Redis;
  /** REDIS_PREFIX. */
  readonly prefix: string;
  readonly config: {
    readonly staff: Config["staff"];
    /** The name heads the pages; the center's name, phone and address fill the canned replies. */
    readonly org?: Pick<Config["org"], "name" | "legalAidCenterName" | "legalAidPhone" | "legalAidAddress">;
  };
  readonly logger: Logger;
  /** Case changes from every instance, for the live console (server-sent events). */
  readonly live?: CaseLive;
  /** True while Redis does not answer (see StaffPagesDeps). */
  readonly redisDown?: () => boolean;
}

/**
 * The staff console (`/staff`, server-rendered) and its JSON API (`/api/v1/staff`). Mount at "/"
 * among the app's routers, after the JSON body parser; it parses its own bodies too.
 */
export function staffRouter(deps: StaffRouterDeps): Router {
  const logger = deps.logger.child({ module: "staff" });
  const login = staffLogin({
    accounts: deps.accounts,
    redis: deps.redis,
    prefix: deps.prefix,
    perMinute: deps.config.staff.loginPerMinute,
  });
  const common = {
    service: deps.service,
    accounts: deps.accounts,
    login,
    secureCookies: deps.config.staff.secureCookies,
    sessionTtlSeconds: deps.config.staff.sessionTtlSeconds,
  };
  const router = Router();
  router.use("/staff/static", express.static(STAFF_PUBLIC_DIR, { maxAge: "1h", index: false }));
  router.use("/api/v1/staff", staffApiRouter(common));
  if (deps.live) router.use(staffLiveRouter({ accounts: deps.accounts, live: deps.live }));
  router.use(
    staffPagesRouter({
      ...common,
      logger,
      orgName: deps.config.org?.name,
      org: deps.config.org,
      redisDown: deps.redisDown,
    }),
  );
  return router;
}
