/**
 * Calls made in the same turn of the event loop are written together (one Redis round trip): under
 * a burst of webhooks this keeps acknowledgements fast. Each caller resolves only once its own item
 * is written. `write` resolves with one error (or undefined) per item, or nothing when all were
 * written; if it rejects, every item of the batch is rejected with that error.
 */
export function batchPerTick<T>(
  write: (items: T[]) => Promise<readonly unknown[] | undefined>,
): (item: T) => Promise<void> {
  let pending: { item: T; resolve: () => void; reject: (err: unknown) => void }[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    new Promise<readonly unknown[] | undefined>((r) => r(write(batch.map((b) => b.item)))).then(
      (errors) => {
        batch.forEach((b, i) => {
          const error = errors?.[i];
          if (error) b.reject(error);
          else b.resolve();
        });
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
