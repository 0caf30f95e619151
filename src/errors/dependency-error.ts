import { AppError } from "./app-error.js";

/** A service the app needs (Meilisearch, Redis) is missing or does not answer. */
export class DependencyError extends AppError {
  override name = "DependencyError";

  constructor(
    readonly service: "meilisearch" | "redis",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
