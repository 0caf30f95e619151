import { createRequire } from "node:module";
import { type Logger, pino } from "pino";

/**
 * Paths pino removes from every log line: credentials, platform secrets, and anything a citizen
 * typed or that identifies them.
 */
export const REDACT_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
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

/** How log lines are written: JSON (production, log collectors) or readable lines (a developer's terminal). */
export type LogFormat = "json" | "pretty";

/**
 * Builds the one logger of the process; modules get `logger.child({ module })`. `secretHeaders`
 * (the channels' webhook secrets and signatures) are redacted from requests too. `pretty` formats
 * lines with pino-pretty in pino's transport worker thread (off the event loop); pino-pretty is a
 * development dependency, so where it is not installed (a production image) the lines stay JSON.
 */
export function createLogger(
  level: string,
  destination?: pino.DestinationStream,
  format: LogFormat = "json",
  secretHeaders: readonly string[] = [],
): Logger {
  const paths = [
    ...REDACT_PATHS,
    ...secretHeaders.map((h) => `req.headers[${JSON.stringify(h.toLowerCase())}]`),
  ];
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    redact: { paths, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (format === "pretty" && !destination && prettyInstalled()) {
    return pino(
      options,
      pino.transport({
        target: "pino-pretty",
        options: { colorize: process.stdout.isTTY === true, translateTime: "SYS:HH:MM:ss", singleLine: true },
      }),
    );
  }
  return pino(options, destination);
}

function prettyInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve("pino-pretty");
    return true;
  } catch {
    return false;
  }
}

export type { Logger };
