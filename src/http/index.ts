export { createHttpApp, type HttpAppDeps } from "./create-app.js";
export { errorHandler, notFound } from "./error-handler.js";
export {
  BodyTooLargeError,
  type FastHandler,
  type FastRoutes,
  fastRoutes,
  readBody,
  sendError,
} from "./fast-routes.js";
export { type HealthDetail, type HealthFallback, type HealthProbe, healthRouter } from "./health-router.js";
export { HttpError } from "./http-error.js";
export { RETRY_AFTER_SECONDS, serviceUnavailable, unavailable } from "./service-unavailable.js";
