package com.wuye.center.shared;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An area asks for a charge on a unit's bill (CA-4: only cashiers take money). Published by repairs
 * (a confirmed repair with listed fees) and convenience services (a completed paid service);
 * billing consumes it and raises exactly one charge per source (sourceType, sourceId).
 *
 * @param sourceType the area, e.g. "repair" or "convenience"
 * @param sourceId the source record's id
 * @param sourceNumber the readable number shown on the bill, e.g. BX20261127-0007
 * @param lines what is charged; amounts exact, scale 2 (yuan)
 * @param total the sum of the line amounts
 */
public record ChargeRequested(
    String sourceType,
    String sourceId,
    String sourceNumber,
    long communityId,
    long unitId,
    String description,
    List<Line> lines,
    BigDecimal total,
    Instant occurredAt) {

  public ChargeRequested {
    lines = List.copyOf(lines);
    BigDecimal sum = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (total == null || sum.compareTo(total) != 0) {
      throw new IllegalArgumentException(
          "charge total " + total + " is not the sum of its lines " + sum);
    }
  }

  /** One charged item: what, how many, at which listed price, and the amount (quantity × price). */
  public record Line(
      String item, String unit, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {}
}
