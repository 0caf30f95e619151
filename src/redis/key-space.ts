/**
 * How every module's Redis keys begin. On one Redis server (the deployment) a key is
 * `<REDIS_PREFIX>:<name>`, as it always was. With REDIS_CLUSTER_HASH_TAGS the prefix travels in
 * braces (`{tlpl}`, BullMQ's convention for a cluster) and each key space then gets its own hash
 * tag (`{tlpl:cases}:case:…`), so the keys one script or MULTI touches share a slot while the
 * modules still spread over the cluster; keys used one at a time drop the braces ({@link spreadBase}).
 * A key built with neither still works there: it falls in the slot of `{tlpl}`.
 */
export function redisKeyPrefix(config: {
  readonly prefix: string;
  readonly clusterHashTags: boolean;
}): string {
  return config.clusterHashTags ? `{${config.prefix}}` : config.prefix;
}

/** The part inside the braces of a cluster prefix (`{tlpl}` → `tlpl`), or undefined on one server. */
function tagOf(prefix: string): string | undefined {
  return /^\{([^{}]+)\}$/.exec(prefix)?.[1];
}

/** The base of the keys of one key space: `prefix` itself on one server, `{tlpl:<space>}` on a cluster. */
export function keyBase(prefix: string, space: string): string {
  const tag = tagOf(prefix);
  return tag === undefined ? prefix : `{${tag}:${space}}`;
}

/**
 * The base of keys that no script or MULTI combines (a session, a cache entry, a lock): REDIS_PREFIX
 * without braces, so on a cluster each such key hashes on its whole name and they spread over the nodes.
 */
export function spreadBase(prefix: string): string {
  return tagOf(prefix) ?? prefix;
}

/**
 * The prefix a BullMQ queue lives under: `<prefix>:bull`; on a cluster the braced prefix BullMQ asks
 * for, one per queue (`{tlpl:bull:outbound-zalo}`) so the queues spread over the nodes.
 */
export function bullPrefix(prefix: string, queue: string): string {
  return tagOf(prefix) === undefined ? `${prefix}:bull` : keyBase(prefix, `bull:${queue}`);
}

/** The SCAN patterns that together match every key under `prefix`, tagged or not (for tests and benches that clean up). */
export function keyPatterns(prefix: string): string[] {
  const tag = tagOf(prefix);
  return tag === undefined ? [`${prefix}*`] : [`{${tag}*`, `${tag}*`];
}
