/** Base of every error a caller can act on; carries the underlying `cause`. */
export class AppError extends Error {
  override name = "AppError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
