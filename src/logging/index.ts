export { createLogger, type LogFormat, type Logger, REDACT_PATHS } from "./create-logger.js";
