package com.wuye.center.messaging;

import com.wuye.center.shared.DomainException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The hours in which a person gets no non-urgent message (免打扰): a message due then is held and sent
 * when they end. They may run over midnight ({@code 22:00–07:00}). Urgent kinds (a key pickup, an
 * emergency dispatch, a technician on the way) are never held.
 */
public record QuietHours(LocalTime start, LocalTime end) {

  public QuietHours {
    if (start == null || end == null) {
      throw DomainException.invalid("quietStart", "messaging.error.quietHours");
    }
    if (start.equals(end)) {
      throw DomainException.invalid("quietEnd", "messaging.error.quietHoursEmpty");
    }
  }

  /** {@code 22:00-07:00}. */
  public static QuietHours parse(String text) {
    String[] parts = text == null ? new String[0] : text.trim().split("\\s*-\\s*");
    if (parts.length != 2) {
      throw new IllegalArgumentException("quiet hours must read HH:mm-HH:mm: " + text);
    }
    return new QuietHours(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
  }

  /** Whether a local time lies in the quiet hours (the start included, the end not). */
  public boolean contains(LocalTime t) {
    return start.isBefore(end)
        ? !t.isBefore(start) && t.isBefore(end)
        : !t.isBefore(start) || t.isBefore(end);
  }

  /** When a message due at {@code at} may go: at once, or when the quiet hours end. */
  public Instant releaseAt(Instant at, ZoneId zone) {
    ZonedDateTime local = at.atZone(zone);
    if (!contains(local.toLocalTime())) {
      return at;
    }
    ZonedDateTime end = local.with(this.end).withSecond(0).withNano(0);
    if (!end.isAfter(local)) {
      end = end.plusDays(1);
    }
    return end.toInstant();
  }

  @Override
  public String toString() {
    return start + "–" + end;
  }
}
