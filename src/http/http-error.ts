import { AppError } from "../errors/index.js";

/** An error with an HTTP status and a code; its message is safe to show to the person. */
export class HttpError extends AppError {
  override name = "HttpError";

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options?: { cause?: unknown; headers?: Record<string, string> },
  ) {
    super(message, options);
    this.headers = options?.headers ?? {};
  }

  readonly headers: Record<string, string>;
}
