import { type Logger, pino } from "pino";

/**
 * Paths pino removes from every log line: credentials, platform secrets, and anything a citizen
 * typed or that identifies them.
 */
export const REDACT_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-telegram-bot-api-secret-token"]',
  'req.headers["x-zevent-signature"]',
  'req.headers["x-metrics-token"]',
  'res.headers["set-cookie"]',
  "password",
  "token",
  "accessToken",
  "refreshToken",
  "masterKey",
  "text",
  "phone",
  "*.password",
  "*.token",
  "*.text",
  "*.phone",
  "*.masterKey",
];

/** Builds the one logger of the process; modules get `logger.child({ module })`. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

export type { Logger };
