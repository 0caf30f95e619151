/**
 * Calls made in the same turn of the event loop are written together (one Redis round trip): under
 * a burst of webhooks this keeps acknowledgements fast. Each caller resolves only once the batch
 * holding its item is written; if the write fails (or throws), every item of the batch is rejected.
 */
export function batchPerTick<T>(write: (items: T[]) => Promise<void>): (item: T) => Promise<void> {
  let pending: { item: T; resolve: () => void; reject: (err: unknown) => void }[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    new Promise<void>((r) => r(write(batch.map((b) => b.item)))).then(
      () => {
        for (const b of batch) b.resolve();
      },
      (err: unknown) => {
        for (const b of batch) b.reject(err);
      },
    );
  };
  return (item) =>
    new Promise<void>((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ item, resolve, reject });
    });
}
