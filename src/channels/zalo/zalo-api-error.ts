import { AppError } from "../../errors/index.js";

/** Zalo answered with a non-zero `error` (often with HTTP 200), or not at all. */
export class ZaloApiError extends AppError {
  override name = "ZaloApiError";

  constructor(
    /** Zalo's error code (e.g. -216 expired access token); 0 when the HTTP call itself failed. */
    readonly code: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
