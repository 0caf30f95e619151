import type { Agent } from "node:https";
import { translate } from "@vitalets/google-translate-api";
import type { Translator } from "../core/index.js";

/**
 * {@link Translator} on `@vitalets/google-translate-api`. `host` and `agent` let tests and staging
 * point it at another server (the library's `host` and `fetchOptions`).
 */
export function googleTranslator(options: { host: string; agent?: Agent }): Translator {
  return {
    async translate(text, { from, to, signal }) {
      const result = await translate(text, {
        from,
        to,
        host: options.host,
        fetchOptions: { agent: options.agent, signal } as Record<string, unknown>,
      });
      if (!result.text) throw new Error("empty translation");
      return result.text;
    },
  };
}
