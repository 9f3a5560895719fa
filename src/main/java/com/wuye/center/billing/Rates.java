package com.wuye.center.billing;

import com.wuye.center.billing.Billing.Item;
import com.wuye.center.billing.internal.RateRepository;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the monthly billing run charges by: the rates (收费标准) of a community per item and month —
 * property fee per m², parking per space, water and electricity per unit used — and the parking
 * spaces leased to units.
 */
@Service
@Transactional
public class Rates {

  static final Role[] RATE_SETTERS = {Role.MANAGER, Role.ADMIN};

  private final RateRepository rates;
  private final EstateDirectory estate;
  private final AuditTrail audit;
  private final Clock clock;

  Rates(RateRepository rates, EstateDirectory estate, AuditTrail audit, Clock clock) {
    this.rates = rates;
    this.estate = estate;
    this.audit = audit;
    this.clock = clock;
  }

  public record Rate(long id, Item item, BigDecimal unitPrice, LocalDate validFrom) {}

  /** Sets a rate valid from a day (the first of this month if none given). */
  public long setRate(
      CurrentUser user, long communityId, Item item, BigDecimal unitPrice, LocalDate validFrom) {
    user.require(RATE_SETTERS);
    user.requireCommunity(communityId);
    if (item == null || item.ordinal() > Item.ELECTRICITY.ordinal()) {
      throw DomainException.invalid("item", "billing.error.rate.item");
    }
    if (unitPrice == null) {
      throw DomainException.invalid("unitPrice", "error.required");
    }
    if (unitPrice.signum() <= 0) {
      throw DomainException.invalid("unitPrice", "billing.error.amount.positive");
    }
    if (unitPrice.stripTrailingZeros().scale() > 4) {
      throw DomainException.invalid("unitPrice", "billing.error.rate.precision");
    }
    LocalDate from = validFrom == null ? LocalDate.now(clock).withDayOfMonth(1) : validFrom;
    long id = rates.set(communityId, item, unitPrice, from, user.actorRef(), clock.instant());
    audit.record(
        "billing_rate",
        id,
        "RATE_SET",
        null,
        Map.of("item", item, "unitPrice", unitPrice, "validFrom", from.toString()));
    return id;
  }

  @Transactional(readOnly = true)
  public List<Rate> rates(CurrentUser user, long communityId) {
    user.requireCommunity(communityId);
    return rates.list(communityId);
  }

  /**
   * A parking space leased to a unit from {@code starts} to {@code ends} (inclusive; open if null).
   */
  public long addParkingSpace(
      CurrentUser user, long unitId, String spaceCode, LocalDate starts, LocalDate ends) {
    user.require(BillingRuns.RUNNERS);
    Estate.Unit unit = estate.unitFor(user, unitId);
    String code = Text.required("spaceCode", spaceCode, 20);
    if (starts == null) {
      throw DomainException.invalid("starts", "error.required");
    }
    if (ends != null && ends.isBefore(starts)) {
      throw DomainException.invalid("ends", "billing.error.parking.endsBeforeStarts");
    }
    long id = rates.addParkingSpace(unit.communityId(), unitId, code, starts, ends);
    audit.record(
        "billing_parking",
        id,
        "CREATED",
        null,
        Map.of("unitId", unitId, "spaceCode", code, "starts", starts.toString()));
    return id;
  }
}
