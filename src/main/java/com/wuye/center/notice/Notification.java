package com.wuye.center.notice;

import java.time.Instant;
import java.util.List;

/** One notification as its reader sees it; {@code text} is rendered in the reader's language. */
public record Notification(
    long id,
    String messageKey,
    List<Object> args,
    String text,
    String link,
    boolean requiresAck,
    String sourceType,
    String sourceId,
    Instant createdAt,
    Instant readAt,
    Instant acknowledgedAt,
    Notifications.Priority priority,
    Instant settledAt) {

  public boolean unread() {
    return readAt == null;
  }

  public boolean awaitingAck() {
    return requiresAck && acknowledgedAt == null && settledAt == null;
  }

  public boolean emergency() {
    return priority == Notifications.Priority.EMERGENCY;
  }

  /** Closed by itself: its record passed the state it asked for. */
  public boolean settled() {
    return settledAt != null;
  }
}
