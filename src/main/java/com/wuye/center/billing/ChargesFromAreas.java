package com.wuye.center.billing;

import com.wuye.center.billing.Billing.Item;
import com.wuye.center.billing.internal.LedgerRepository;
import com.wuye.center.billing.internal.LedgerRepository.NewCharge;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.ChargeRequested;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * CA-4: only cashiers take money. Repair fees and convenience-service fees never go into a
 * technician's hand: the area publishes {@link ChargeRequested}, and the fee becomes a charge on
 * the unit's bill, paid at the counter ({@link CounterPayment}, which takes money from cashiers
 * only) or online. Exactly one charge per source (sourceType, sourceId), so a redelivered event
 * never charges twice.
 */
@Component
class ChargesFromAreas {

  private static final Logger log = LoggerFactory.getLogger(ChargesFromAreas.class);

  private final LedgerRepository ledger;
  private final EstateDirectory estate;
  private final AuditTrail audit;
  private final Clock clock;

  ChargesFromAreas(LedgerRepository ledger, EstateDirectory estate, AuditTrail audit, Clock clock) {
    this.ledger = ledger;
    this.estate = estate;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Runs after the publisher's commit, in a transaction of its own; the event publication registry
   * redelivers it if this fails.
   */
  @ApplicationModuleListener
  void on(ChargeRequested e) {
    charge(e)
        .ifPresent(
            chargeId ->
                audit.record(
                    "billing_charge",
                    chargeId,
                    "CHARGED",
                    null,
                    Map.of(
                        "unitId",
                        e.unitId(),
                        "source",
                        e.sourceType() + ":" + e.sourceId(),
                        "amount",
                        e.total())));
  }

  /** Raises the requested charge; empty if that source was charged already. */
  Optional<Long> charge(ChargeRequested e) {
    if (e.sourceType() == null
        || e.sourceType().isBlank()
        || e.sourceId() == null
        || e.sourceId().isBlank()) {
      throw new IllegalArgumentException("a charge request names its source");
    }
    Estate.Unit unit =
        estate
            .unit(e.unitId())
            .orElseThrow(
                () -> new IllegalArgumentException("charge for unknown unit " + e.unitId()));
    if (unit.communityId() != e.communityId()) {
      throw new IllegalArgumentException("unit " + e.unitId() + " is not in " + e.communityId());
    }
    for (ChargeRequested.Line l : e.lines()) {
      Money.positive("amount", l.amount());
    }
    BigDecimal total = Money.positive("total", e.total());
    LocalDate day =
        (e.occurredAt() == null ? clock.instant() : e.occurredAt())
            .atZone(clock.getZone())
            .toLocalDate();
    String description = description(e);
    Optional<Long> id =
        ledger.insertCharge(
            new NewCharge(
                unit.communityId(),
                unit.id(),
                null,
                item(e.sourceType()),
                description.length() > 200 ? description.substring(0, 200) : description,
                YearMonth.from(day),
                null,
                null,
                total,
                day,
                e.sourceType(),
                e.sourceId(),
                e.sourceNumber(),
                e.lines(),
                "event:" + e.sourceType(),
                clock.instant()));
    if (id.isEmpty()) {
      log.info("charge for {}:{} exists; redelivery ignored", e.sourceType(), e.sourceId());
    }
    return id;
  }

  private static Item item(String sourceType) {
    return switch (sourceType) {
      case "repair" -> Item.REPAIR;
      case "convenience" -> Item.CONVENIENCE;
      // a renovation deposit (装修押金): refunded when the renovation releases it
      case "renovation-deposit" -> Item.DEPOSIT;
      default -> Item.OTHER;
    };
  }

  /** "BX20261127-0007 更换水龙头": the source's number and what was done. */
  private static String description(ChargeRequested e) {
    String description =
        (e.sourceNumber() == null ? "" : e.sourceNumber() + " ")
            + (e.description() == null ? "" : e.description());
    return description.isBlank() ? e.sourceType() + ":" + e.sourceId() : description;
  }
}
