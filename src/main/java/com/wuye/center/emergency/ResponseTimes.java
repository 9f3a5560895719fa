package com.wuye.center.emergency;

import java.time.Duration;
import java.time.Instant;

/**
 * How fast a case was answered: call → security acknowledged → help on site (vehicle, ambulance
 * arrived, nursing started) → settled. Seconds are counted from the call; null while not reached.
 */
public record ResponseTimes(
    Instant calledAt,
    Instant securityAcknowledgedAt,
    Long securityAcknowledgedAfterSeconds,
    Instant helpAt,
    Long helpAfterSeconds,
    Instant settledAt,
    Long settledAfterSeconds) {

  static ResponseTimes of(
      Instant calledAt, Instant securityAcknowledgedAt, Instant helpAt, Instant settledAt) {
    return new ResponseTimes(
        calledAt,
        securityAcknowledgedAt,
        after(calledAt, securityAcknowledgedAt),
        helpAt,
        after(calledAt, helpAt),
        settledAt,
        after(calledAt, settledAt));
  }

  private static Long after(Instant from, Instant to) {
    return to == null ? null : Math.max(0, Duration.between(from, to).toSeconds());
  }
}
