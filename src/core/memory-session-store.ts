import type { SessionState, SessionStore } from "./ports.js";

/** Sessions in process memory: for the console chat, evaluation and unit tests (not for the server). */
export function memorySessionStore(): SessionStore {
  const map = new Map<string, SessionState>();
  return {
    get: async (id) => map.get(id),
    set: async (id, state) => {
      map.set(id, state);
    },
    delete: async (id) => {
      map.delete(id);
    },
  };
}
