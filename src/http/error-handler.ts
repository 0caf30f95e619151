import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "../logging/index.js";
import { HttpError } from "./http-error.js";
import { serviceUnavailable } from "./service-unavailable.js";

/** Answers unknown routes with JSON instead of express's HTML page. */
export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json({ error: { code: "not_found", message: "Không tìm thấy địa chỉ này." } });
};

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Maps every error to a JSON answer with no stack trace; unexpected ones are logged, not shown. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const known = error instanceof HttpError ? error : serviceUnavailable(error);
    if (known) {
      res
        .set(known.headers)
        .status(known.status)
        .json({ error: { code: known.code, message: known.message } });
      return;
    }
    const type = (error as BodyParserError | undefined)?.type;
    if (type === "entity.too.large") {
      res
        .status(413)
        .json({ error: { code: "too_large", message: "Nội dung gửi lên quá lớn (tối đa 16 KB)." } });
      return;
    }
    if (type === "entity.parse.failed") {
      res
        .status(400)
        .json({ error: { code: "bad_json", message: "Nội dung gửi lên không phải JSON hợp lệ." } });
      return;
    }
    if (type === "encoding.unsupported" || type === "charset.unsupported") {
      res.status(415).json({ error: { code: "unsupported_encoding", message: "Chỉ nhận nội dung UTF-8." } });
      return;
    }
    const status = (error as BodyParserError | undefined)?.status;
    if (typeof status === "number" && status >= 400 && status < 500) {
      res.status(status).json({ error: { code: "bad_request", message: "Yêu cầu không hợp lệ." } });
      return;
    }
    logger.error({ err: error }, "unhandled error");
    res
      .status(500)
      .json({ error: { code: "internal", message: "Hệ thống đang gặp sự cố. Bạn vui lòng thử lại sau." } });
  };
}
