package com.wuye.center.repair;

import com.wuye.center.shared.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EN-6 "收取费用合理，不得损公肥私" and CA-4: what a completed repair may charge. In-unit repairs are charged
 * only by items of the published price list (维修收费标准) times quantities; common-area repairs are
 * free; an item not on the list is charged only after a supervisor approved and priced it and the
 * resident agreed to that price (before the extra work: the order cannot be completed while the
 * resident has not answered; a declined item is not charged, EN-6); a rework after the charge was
 * handed to the cashier is free. The technician gives items and quantities only, never money:
 * prices come from the list or the supervisor.
 */
public final class RepairFeePolicy {

  /** Largest quantity of one line. */
  static final BigDecimal MAX_QUANTITY = new BigDecimal("9999.99");

  private RepairFeePolicy() {}

  /** An item of the price list. */
  public record PriceItem(
      long id,
      Long communityId,
      String name,
      String unit,
      BigDecimal price,
      String category,
      boolean active) {}

  /** What the technician asks to charge: a listed item and a quantity. */
  public record Requested(Long priceItemId, BigDecimal quantity) {}

  public enum Approval {
    PENDING,
    APPROVED,
    REJECTED
  }

  /** The resident's answer to an approved unlisted item (EN-6, issue 16). */
  public enum Agreement {
    AGREED,
    DECLINED
  }

  /**
   * An item not on the list, proposed by the technician, decided by a supervisor and then agreed to
   * (or declined) by the resident.
   *
   * @param agreement the resident's answer, null while not given
   * @param agreementRequired false only for items approved before the resident was asked (V166)
   */
  public record ExtraLine(
      long id,
      String item,
      String unit,
      BigDecimal quantity,
      BigDecimal unitPrice,
      Approval approval,
      Agreement agreement,
      boolean agreementRequired) {

    /** Approved and priced, waiting for the resident's yes or no. */
    public boolean awaitingResident() {
      return approval == Approval.APPROVED && agreementRequired && agreement == null;
    }
  }

  /** A charged line: quantity × price = amount, all exact. */
  public record Line(
      Long priceItemId,
      Long extraLineId,
      String item,
      String unit,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal amount) {}

  public record Fees(List<Line> lines, BigDecimal total) {
    public boolean charged() {
      return total.signum() > 0;
    }
  }

  /**
   * The fees of a completion.
   *
   * @param priceList the active items that apply to the order's community, by id
   */
  public static Fees settle(
      RepairOrder.Area area,
      boolean alreadyCharged,
      List<Requested> requested,
      Map<Long, PriceItem> priceList,
      List<ExtraLine> extras) {
    List<Requested> asked = requested == null ? List.of() : requested;
    if (area == RepairOrder.Area.COMMON && !asked.isEmpty()) {
      throw DomainException.ruleOn("fees", "repair.error.commonAreaFree");
    }
    if (alreadyCharged && !asked.isEmpty()) {
      throw DomainException.ruleOn("fees", "repair.error.alreadyCharged");
    }
    List<Line> lines = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (Requested r : asked) {
      if (r == null || r.priceItemId() == null) {
        throw DomainException.invalid("fees", "repair.error.notListed");
      }
      PriceItem item = priceList.get(r.priceItemId());
      if (item == null || !item.active()) {
        throw DomainException.ruleOn("fees", "repair.error.notListed");
      }
      if (!seen.add(item.id())) {
        throw DomainException.invalid("fees", "repair.error.duplicateItem", item.name());
      }
      BigDecimal q = quantity("fees", r.quantity());
      lines.add(
          new Line(
              item.id(), null, item.name(), item.unit(), q, item.price(), amount(q, item.price())));
    }
    for (ExtraLine e : extras == null ? List.<ExtraLine>of() : extras) {
      switch (e.approval()) {
        case PENDING -> throw DomainException.ruleOn("fees", "repair.error.extraPending", e.item());
        case APPROVED -> {
          if (e.awaitingResident()) {
            throw DomainException.ruleOn("fees", "repair.error.extraNotAgreed", e.item());
          }
          if (e.agreement() == Agreement.DECLINED) {
            continue;
          }
          lines.add(
              new Line(
                  null,
                  e.id(),
                  e.item(),
                  e.unit(),
                  e.quantity(),
                  e.unitPrice(),
                  amount(e.quantity(), e.unitPrice())));
        }
        case REJECTED -> {}
      }
    }
    if (area == RepairOrder.Area.COMMON && !lines.isEmpty()) {
      throw DomainException.ruleOn("fees", "repair.error.commonAreaFree");
    }
    BigDecimal total =
        lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    return new Fees(List.copyOf(lines), total);
  }

  /** A quantity: more than 0, at most two decimals, at most 9999.99. */
  public static BigDecimal quantity(String field, BigDecimal q) {
    if (q == null || q.signum() <= 0 || q.compareTo(MAX_QUANTITY) > 0) {
      throw DomainException.invalid(field, "repair.error.quantity");
    }
    BigDecimal stripped = q.stripTrailingZeros();
    if (stripped.scale() > 2) {
      throw DomainException.invalid(field, "repair.error.quantity");
    }
    return q.setScale(2, RoundingMode.UNNECESSARY);
  }

  /** A price: more than 0, at most two decimals. */
  public static BigDecimal price(String field, BigDecimal p) {
    if (p == null || p.signum() <= 0 || p.compareTo(new BigDecimal("99999999.99")) > 0) {
      throw DomainException.invalid(field, "repair.error.price");
    }
    if (p.stripTrailingZeros().scale() > 2) {
      throw DomainException.invalid(field, "repair.error.price");
    }
    return p.setScale(2, RoundingMode.UNNECESSARY);
  }

  /** quantity × price, exact to the fen (both have two decimals; rounding only if needed). */
  public static BigDecimal amount(BigDecimal quantity, BigDecimal price) {
    return quantity.multiply(price).setScale(2, RoundingMode.HALF_UP);
  }
}
