import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "../logging/index.js";
import { httpError, toHttpError } from "./error-status.js";

/** Answers unknown routes with JSON instead of express's HTML page. */
export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json(httpError("not_found").body());
};

/** Maps every error to a JSON answer with no stack trace; unexpected ones are logged, not shown. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const known = toHttpError(error);
    if (known) {
      res.set(known.headers).status(known.status).json(known.body());
      return;
    }
    logger.error({ err: error }, "unhandled error");
    res.status(500).json(httpError("internal").body());
  };
}
