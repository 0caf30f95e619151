/**
 * Resolves with the first defined value of `check`, re-checked whenever a fake calls one of its
 * `listeners` (something arrived); rejects after `timeoutMs` naming `what` it waited for.
 */
export function waitUntil<T>(
  listeners: Set<() => void>,
  check: () => T | undefined,
  timeoutMs: number,
  what: string,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const done = () => {
      const value = check();
      if (value === undefined) return;
      clearTimeout(timer);
      listeners.delete(done);
      resolve(value);
    };
    const timer = setTimeout(() => {
      listeners.delete(done);
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    listeners.add(done);
    done();
  });
}
