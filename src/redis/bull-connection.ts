import type { ConnectionOptions } from "bullmq";
import { Cluster } from "ioredis";
import { nodeCredentials, type RedisEndpoint } from "./connect-redis.js";

/** BullMQ's `connection` for one queue or worker, and how to close what BullMQ does not. */
export interface BullConnection {
  /** Options for one server (BullMQ connects and closes it), or a cluster client of this queue's own. */
  readonly connection: ConnectionOptions;
  /** Closes the cluster client, which BullMQ treats as the caller's; nothing for one server. */
  close(): Promise<void>;
}

/**
 * The connection of a BullMQ queue or worker with `options` (e.g. `maxRetriesPerRequest`). BullMQ builds
 * clients from options for one server only; on a cluster it gets a `Cluster`, duplicates it for a
 * worker's blocking reads and leaves the closing of the instance itself to us.
 */
export function bullConnection(
  endpoint: RedisEndpoint,
  options: { readonly maxRetriesPerRequest?: number | null; readonly enableOfflineQueue?: boolean } = {},
): BullConnection {
  if (!endpoint.clusterNodes) return { connection: { url: endpoint.url, ...options }, close: async () => {} };
  const { enableOfflineQueue, ...perNode } = options;
  const cluster = new Cluster(
    endpoint.clusterNodes.map((n) => ({ host: n.host, port: n.port })),
    {
      lazyConnect: true,
      ...(enableOfflineQueue === undefined ? {} : { enableOfflineQueue }),
      redisOptions: { ...nodeCredentials(endpoint.url), ...perNode },
    },
  );
  return {
    connection: cluster,
    async close() {
      await cluster.quit().catch(() => cluster.disconnect());
    },
  };
}
