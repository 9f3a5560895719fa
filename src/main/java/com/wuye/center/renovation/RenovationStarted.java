package com.wuye.center.renovation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Works started on a unit (RN-10): the neighbours' units (same floor, above, below) are named so
 * that those who tell residents can tell them — in-app here ({@code NeighbourNotice}), SMS or
 * WeChat by whoever listens too.
 *
 * @param neighbourUnitIds the units of the same floor and entrance, and those directly above and
 *     below
 */
public record RenovationStarted(
    long applicationId,
    String number,
    long communityId,
    long unitId,
    String unitCode,
    List<Long> neighbourUnitIds,
    LocalDate startDate,
    LocalDate endDate,
    Instant at) {

  public RenovationStarted {
    neighbourUnitIds = List.copyOf(neighbourUnitIds);
  }
}
