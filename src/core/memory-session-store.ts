import type { SessionState, SessionStore } from "./ports.js";

/**
 * Sessions in process memory: for the console chat, evaluation and unit tests (not for the server).
 * States are copied in and out, as a real store serializes them, so a caller cannot change a stored one.
 */
export function memorySessionStore(): SessionStore {
  const map = new Map<string, SessionState>();
  return {
    get: async (id) => {
      const state = map.get(id);
      return state && structuredClone(state);
    },
    set: async (id, state) => {
      map.set(id, structuredClone(state));
    },
    delete: async (id) => {
      map.delete(id);
    },
  };
}
