/**
 * Opens after `threshold` consecutive failures and stays open for `coolDownMs`, so a broken
 * translator costs nothing while it is down; one trial call is let through after the cool-down.
 */
export class CircuitBreaker {
  #failures = 0;
  #openUntil = 0;

  constructor(
    private readonly threshold: number,
    private readonly coolDownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get open(): boolean {
    return this.now() < this.#openUntil;
  }

  success(): void {
    this.#failures = 0;
    this.#openUntil = 0;
  }

  failure(): void {
    this.#failures += 1;
    if (this.#failures >= this.threshold) this.#openUntil = this.now() + this.coolDownMs;
  }
}
