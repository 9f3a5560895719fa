package com.wuye.center.convenience;

import com.wuye.center.shared.DomainException;
import java.time.Instant;

/**
 * An integrity case (CS-S2 no tips): the resident answered that a tip was asked for. Managers only
 * see it; a manager closes it with the outcome of the inquiry.
 */
public record IntegrityCase(
    long id,
    long orderId,
    String orderNumber,
    String serviceName,
    long unitId,
    long communityId,
    Long staffId,
    long residentId,
    String statement,
    Instant openedAt,
    Status status,
    String outcome,
    Instant closedAt,
    Long closedByStaffId,
    int version) {

  public enum Status {
    OPEN,
    CLOSED
  }

  public boolean open() {
    return status == Status.OPEN;
  }

  /** Refuses closing a closed case. */
  public void requireOpen() {
    if (!open()) {
      throw DomainException.rule("convenience.error.caseClosed");
    }
  }
}
