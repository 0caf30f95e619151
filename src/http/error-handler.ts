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
    if (!known || known.status === 500) logger.error({ err: error }, "unhandled error");
    const answer = known ?? httpError("internal");
    res.set(answer.headers).status(answer.status).json(answer.body());
  };
}
