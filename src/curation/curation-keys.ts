import { keyBase } from "../redis/index.js";

/**
 * The Redis keys of curation, in one key space (one hash tag on a cluster): the inbox writes its
 * handled set and its log in one MULTI.
 */
export function curationKeys(prefix: string) {
  const base = keyBase(prefix, "curation");
  return {
    /** FAQ files: `t:<id>` text and `v:<id>` version per FAQ; `release` is the last release's baseline. */
    content: (area: "live" | "revisions" | "release") => `${base}:content:${area}`,
    /** Every change to one FAQ, append-only. */
    history: (id: string) => `${base}:curation:history:${id}`,
    /** Sample hashes of question groups a curator dealt with. */
    inboxHandled: `${base}:curation:inbox:handled`,
    /** What curators did in the inbox. */
    inboxLog: `${base}:curation:inbox:log`,
    /** The pub/sub channel a publish is announced on, so other instances reload their search snapshot. */
    corpusPublished: `${base}:corpus-published`,
  } as const;
}
