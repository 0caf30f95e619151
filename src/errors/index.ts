export { AppError } from "./app-error.js";
export { ConfigError } from "./config-error.js";
export { DependencyError } from "./dependency-error.js";
