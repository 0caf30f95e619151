export { AppError, type ErrorCodesOf } from "./app-error.js";
export { ConfigError, DependencyError } from "./errors.js";
