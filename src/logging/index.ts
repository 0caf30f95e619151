export { createLogger, type Logger, REDACT_PATHS } from "./create-logger.js";
