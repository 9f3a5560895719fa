package com.wuye.center.upkeep;

import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Text;
import java.time.Instant;

/**
 * PT-6: the alert a round raises when its window closes with checkpoints missed — open until a
 * supervisor records the follow-up (why they were missed, what was done); its deadline clock
 * escalates an alert nobody follows up. One per round.
 */
public final class PatrolAlert {

  public enum Status {
    OPEN,
    RESOLVED
  }

  private final Long id;
  private final long roundId;
  private final long communityId;
  private final Instant openedAt;
  private final int missedCount;
  private Status status;
  private Instant resolvedAt;
  private Long resolvedByStaffId;
  private String cause;
  private String action;
  private final int version;

  private PatrolAlert(
      Long id,
      long roundId,
      long communityId,
      Instant openedAt,
      int missedCount,
      Status status,
      Instant resolvedAt,
      Long resolvedByStaffId,
      String cause,
      String action,
      int version) {
    if (missedCount < 1) {
      throw new IllegalArgumentException("an alert names at least one missed checkpoint");
    }
    this.id = id;
    this.roundId = roundId;
    this.communityId = communityId;
    this.openedAt = openedAt;
    this.missedCount = missedCount;
    this.status = status;
    this.resolvedAt = resolvedAt;
    this.resolvedByStaffId = resolvedByStaffId;
    this.cause = cause;
    this.action = action;
    this.version = version;
  }

  /** The alert of a round closed with {@code missedCount} checkpoints not visited. */
  public static PatrolAlert open(long roundId, long communityId, int missedCount, Instant at) {
    return new PatrolAlert(
        null, roundId, communityId, at, missedCount, Status.OPEN, null, null, null, null, 0);
  }

  public static PatrolAlert restore(
      long id,
      long roundId,
      long communityId,
      Instant openedAt,
      int missedCount,
      Status status,
      Instant resolvedAt,
      Long resolvedByStaffId,
      String cause,
      String action,
      int version) {
    return new PatrolAlert(
        id,
        roundId,
        communityId,
        openedAt,
        missedCount,
        status,
        resolvedAt,
        resolvedByStaffId,
        cause,
        action,
        version);
  }

  /** The supervisor's follow-up: the cause (required) and what was done; once. */
  public void resolve(String cause, String action, long staffId, Instant at) {
    if (status != Status.OPEN) {
      throw DomainException.conflict("upkeep.error.alertResolved");
    }
    this.cause = Text.required("cause", cause, 200);
    this.action = Text.optional("action", action, 500);
    this.resolvedByStaffId = staffId;
    this.resolvedAt = at;
    this.status = Status.RESOLVED;
  }

  public Long id() {
    return id;
  }

  public long roundId() {
    return roundId;
  }

  public long communityId() {
    return communityId;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public int missedCount() {
    return missedCount;
  }

  public Status status() {
    return status;
  }

  public Instant resolvedAt() {
    return resolvedAt;
  }

  public Long resolvedByStaffId() {
    return resolvedByStaffId;
  }

  public String cause() {
    return cause;
  }

  public String action() {
    return action;
  }

  public int version() {
    return version;
  }
}
