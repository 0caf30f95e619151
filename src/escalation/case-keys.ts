import { keyBase } from "../redis/index.js";

/**
 * The Redis keys of the case store, all in the `cases` key space: its scripts write a case's hash,
 * notes, audit and indexes in one step, and the queue scripts read case hashes by prefix, so on a
 * cluster they all share one hash tag.
 */
export function caseKeys(prefix: string) {
  const base = keyBase(prefix, "cases");
  return {
    counter: (year: number) => `${base}:case-seq:${year}`,
    hash: (id: string) => `${base}:case:${id}`,
    notes: (id: string) => `${base}:case:${id}:notes`,
    audit: (id: string) => `${base}:case:${id}:audit`,
    citizen: (key: string) => `${base}:cases:citizen:${key}`,
    open: `${base}:cases:open`,
    intake: (key: string) => `${base}:case-intake:${key}`,
    closed: `${base}:cases:closed`,
    thread: (citizenKey: string) => `${base}:case-thread:${citizenKey}`,
    /** The pub/sub channel of live case events (a channel, not a key; named here with the rest). */
    live: `${base}:cases:live`,
  } as const;
}

/** The Redis keys of staff accounts: an account hash per user and the set of usernames, written together. */
export function staffKeys(prefix: string) {
  const base = keyBase(prefix, "staff");
  return {
    user: (username: string) => `${base}:staff:user:${username}`,
    users: `${base}:staff:users`,
    /** Failed logins of a username (known or not), counted for the lockout. */
    fail: (username: string) => `${base}:staff:fail:${username}`,
    session: (id: string) => `${base}:staff:session:${id}`,
    /** rate-limiter-flexible's key prefix for failed logins. */
    loginLimiter: `${base}:rl:staff-login`,
  } as const;
}
