// Throttling (FACTS §5.3): F0 = 20 transactions per minute, S0 = 10 per second; over the limit
// the answer is 429 with the wait in the message. Retry-After is not documented for Face, so it is
// only sent when asked for.
import { faceErrors } from './errors';

export type RateLimitSetting = 'F0' | 'S0' | { limit: number; windowMs: number };

const TIERS = {
  F0: { limit: 20, windowMs: 60_000 },
  S0: { limit: 10, windowMs: 1_000 },
} as const;

/** A sliding window over the times of the requests it let through. */
export class SlidingWindowLimiter {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly admitted: number[] = [];

  constructor(
    setting: RateLimitSetting,
    private readonly retryAfterHeader: boolean,
    private readonly now: () => number = Date.now,
  ) {
    ({ limit: this.limit, windowMs: this.windowMs } = typeof setting === 'string' ? TIERS[setting] : setting);
  }

  /** Counts the request, or throws the 429 with the real wait until a slot frees up. */
  admit(): void {
    const now = this.now();
    while (this.admitted.length > 0 && this.admitted[0]! <= now - this.windowMs) this.admitted.shift();
    if (this.admitted.length < this.limit) {
      this.admitted.push(now);
      return;
    }
    const waitSeconds = Math.max(1, Math.ceil((this.admitted[0]! + this.windowMs - now) / 1000));
    throw faceErrors.rateLimited(waitSeconds, this.retryAfterHeader ? { 'retry-after': String(waitSeconds) } : {});
  }
}
