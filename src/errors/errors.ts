import { AppError } from "./app-error.js";

/** A configuration value is missing or wrong; the message names the variable. */
export class ConfigError extends AppError {
  override name = "ConfigError";
  static readonly codes = ["config_invalid"] as const;
  readonly code = ConfigError.codes[0];
}

/** A service the app needs (Meilisearch, Redis) is missing or does not answer. */
export class DependencyError extends AppError {
  override name = "DependencyError";
  static readonly codes = ["dependency_unavailable"] as const;
  readonly code = DependencyError.codes[0];

  constructor(
    readonly service: "meilisearch" | "redis",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
