import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "./circuit-breaker.js";

/** A breaker of threshold 3 and cool-down 1 minute on a clock the test moves. */
function breakerWithClock() {
  const clock = { now: 0 };
  const breaker = new CircuitBreaker(3, 60_000, () => clock.now);
  return { breaker, clock };
}

describe("CircuitBreaker", () => {
  it("starts closed", () => {
    expect(breakerWithClock().breaker.open).toBe(false);
  });

  it("stays closed below the failure threshold", () => {
    const { breaker } = breakerWithClock();
    breaker.failure();
    breaker.failure();
    expect(breaker.open).toBe(false);
  });

  it("opens after the threshold of consecutive failures", () => {
    const { breaker } = breakerWithClock();
    breaker.failure();
    breaker.failure();
    breaker.failure();
    expect(breaker.open).toBe(true);
  });

  it("forgets earlier failures after a success", () => {
    const { breaker } = breakerWithClock();
    breaker.failure();
    breaker.failure();
    breaker.success();
    breaker.failure();
    breaker.failure();
    expect(breaker.open).toBe(false);
  });

  it("stays open until the cool-down has passed, then lets a trial call through", () => {
    const { breaker, clock } = breakerWithClock();
    for (let i = 0; i < 3; i++) breaker.failure();

    clock.now = 59_999;
    expect(breaker.open).toBe(true);
    clock.now = 60_000;
    expect(breaker.open).toBe(false);
  });

  it("opens again at once when the trial call fails", () => {
    const { breaker, clock } = breakerWithClock();
    for (let i = 0; i < 3; i++) breaker.failure();
    clock.now = 60_000;

    breaker.failure();

    expect(breaker.open).toBe(true);
    clock.now = 119_999;
    expect(breaker.open).toBe(true);
    clock.now = 120_000;
    expect(breaker.open).toBe(false);
  });

  it("closes for good when the trial call succeeds", () => {
    const { breaker, clock } = breakerWithClock();
    for (let i = 0; i < 3; i++) breaker.failure();
    clock.now = 60_000;

    breaker.success();
    breaker.failure();

    expect(breaker.open).toBe(false);
  });
});
