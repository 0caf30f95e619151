import { AppError } from "../errors/index.js";

/** An error with an HTTP status and a code; its message is safe to show to the person. */
export class HttpError extends AppError {
  override name = "HttpError";
  readonly headers: Readonly<Record<string, string>>;
  /** Fields the JSON body's `error` carries beside `code` and `message` (e.g. an invalid FAQ's `fields`). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options?: { cause?: unknown; headers?: Record<string, string>; details?: Record<string, unknown> },
  ) {
    super(message, options);
    this.headers = options?.headers ?? {};
    this.details = options?.details ?? {};
  }

  /** The JSON body every API answers an error with: `{ error: { code, message, …details } }`. */
  body(): { error: Record<string, unknown> } {
    return { error: { code: this.code, message: this.message, ...this.details } };
  }
}
