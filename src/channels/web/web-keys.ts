import { keyBase, spreadBase } from "../../redis/index.js";

/** The Redis keys of the web chat. The inbox's append script writes a session's list, its sequence and the key marker at once, so they share the `web` key space. */
export function webKeys(prefix: string) {
  const base = keyBase(prefix, "web");
  const spread = spreadBase(prefix);
  return {
    /** Staff messages waiting for a session, with `:seq` numbering them. */
    inbox: (sessionId: string) => `${base}:web:inbox:${sessionId}`,
    inboxSeq: (sessionId: string) => `${base}:web:inbox:${sessionId}:seq`,
    /** Marks an inbox message appended under an idempotency key. */
    inboxMarker: (key: string) => `${base}:web:inbox-key:${key}`,
    /** What the citizen and the bot said in a session. */
    history: (sessionId: string) => `${spread}:web:history:${sessionId}`,
    /**
     * rate-limiter-flexible's key prefix per limit (`ip`, `session`); `budget` names a separate
     * budget (`inbox`: polling never eats into the ask limit).
     */
    limiter: (kind: "ip" | "session", budget?: "inbox") =>
      budget ? `${spread}:${budget}:rl:${kind}` : `${spread}:rl:${kind}`,
  } as const;
}
