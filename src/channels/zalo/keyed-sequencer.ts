/** Runs tasks of one key one after another, in the order they were started; keys run in parallel. */
export interface KeyedSequencer {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

export function keyedSequencer(): KeyedSequencer {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(key, task) {
      const result = (tails.get(key) ?? Promise.resolve()).then(task);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
  };
}
