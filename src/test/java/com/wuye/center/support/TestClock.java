package com.wuye.center.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The business clock in tests: the real time unless a test fixes it; a test that sets it calls
 * {@link #reset()} afterwards (every integration test shares one Spring context).
 */
public class TestClock extends Clock {

  private final ZoneId zone;
  private final AtomicReference<Instant> fixed = new AtomicReference<>();

  public TestClock(ZoneId zone) {
    this.zone = zone;
  }

  public void set(Instant instant) {
    fixed.set(instant);
  }

  public void advance(Duration d) {
    fixed.updateAndGet(i -> (i == null ? Instant.now() : i).plus(d));
  }

  public void reset() {
    fixed.set(null);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId z) {
    TestClock c = new TestClock(z);
    c.fixed.set(fixed.get());
    return c;
  }

  @Override
  public Instant instant() {
    Instant i = fixed.get();
    return i == null ? Instant.now() : i;
  }
}
