/**
 * Base of every error a caller can act on: a stable snake_case `code` and the underlying `cause`.
 * Each subclass lists the codes it can carry in a static `codes`; the HTTP table
 * (`src/http/error-status.ts`) maps every code of the modules a request reaches.
 */
export abstract class AppError extends Error {
  override name = "AppError";

  /** Stable across releases: logs, tests and the HTTP table key on it, never on the message. */
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The codes an error class declares (its static `codes`): the keys the HTTP table must cover. */
export type ErrorCodesOf<Module> = {
  [K in keyof Module]: Module[K] extends { readonly codes: readonly (infer C)[] } ? C : never;
}[keyof Module];
