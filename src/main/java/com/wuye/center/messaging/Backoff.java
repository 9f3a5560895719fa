package com.wuye.center.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Retries with exponential back-off: after the n-th failed attempt the next waits {@code first ×
 * 2^(n−1)}, at most {@code max}; after {@code maxAttempts} attempts the delivery is given up.
 * Deterministic (no jitter): deliveries fail at different times anyway, and a test can say when the
 * next attempt is due.
 */
public record Backoff(Duration first, Duration max, int maxAttempts) {

  public Backoff {
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || maxAttempts < 1) {
      throw new IllegalArgumentException("back-off " + first + "…" + max + " × " + maxAttempts);
    }
  }

  /** When to try again after {@code attempts} attempts failed, or empty: give up. */
  public Optional<Instant> retryAt(int attempts, Instant now) {
    if (attempts >= maxAttempts) {
      return Optional.empty();
    }
    Duration wait = first;
    for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return Optional.of(now.plus(wait.compareTo(max) > 0 ? max : wait));
  }
}
