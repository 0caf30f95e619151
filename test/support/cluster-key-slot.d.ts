// cluster-key-slot (ioredis's dependency) ships no types: the slot Redis Cluster gives a key.
declare module "cluster-key-slot" {
  export default function calculateSlot(key: string): number;
}
