import { AppError } from "./app-error.js";

/** A configuration value is missing or wrong; the message names the variable. */
export class ConfigError extends AppError {
  override name = "ConfigError";
}
