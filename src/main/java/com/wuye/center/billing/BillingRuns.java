package com.wuye.center.billing;

import com.wuye.center.billing.BillCalculator.Line;
import com.wuye.center.billing.BillCalculator.Range;
import com.wuye.center.billing.Billing.Item;
import com.wuye.center.billing.MeterReadings.Meter;
import com.wuye.center.billing.internal.BillingRunRepository;
import com.wuye.center.billing.internal.LedgerRepository;
import com.wuye.center.billing.internal.LedgerRepository.NewCharge;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly billing run: each unit's bill for a period — the property fee by floor area, parking
 * spaces, water and electricity by meter reading — pro-rated by days for a move-in or move-out
 * ({@link BillCalculator}). One bill per unit and period, so a second run creates nothing new. Each
 * bill issued is told as {@link BillIssued}.
 */
@Service
@Transactional
public class BillingRuns {

  static final Role[] RUNNERS = {Role.SUPERVISOR, Role.MANAGER, Role.ADMIN};

  private final BillingRunRepository runs;
  private final LedgerRepository ledger;
  private final EstateDirectory estate;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  BillingRuns(
      BillingRunRepository runs,
      LedgerRepository ledger,
      EstateDirectory estate,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.runs = runs;
    this.ledger = ledger;
    this.estate = estate;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  public record RunResult(long runId, String period, int billsCreated, BigDecimal total) {}

  /** The rates of a period's first day; the property fee's is required. */
  private record PeriodRates(
      BigDecimal property, BigDecimal parking, BigDecimal water, BigDecimal power) {

    BigDecimal of(Meter meter) {
      return meter == Meter.WATER ? water : power;
    }
  }

  /**
   * Creates each unit's bill for the period. A unit that already has its bill for the period is
   * skipped, so running twice creates nothing new (also when two runs race: the database holds one
   * bill per unit and period).
   */
  public RunResult run(CurrentUser user, long communityId, String periodText) {
    user.require(RUNNERS);
    user.requireCommunity(communityId);
    estate
        .community(communityId)
        .orElseThrow(() -> DomainException.notFound("error.community.notFound"));
    YearMonth period = period("period", periodText);
    if (period.isAfter(YearMonth.now(clock).plusMonths(1))) {
      throw DomainException.invalid("period", "billing.error.period.future");
    }
    PeriodRates rates = rates(communityId, period);
    long runId = runs.startRun(communityId, period, user.actorRef(), clock.instant());
    int created = 0;
    BigDecimal total = Money.ZERO;
    for (int page = 0; ; page++) {
      Paged<Estate.UnitRow> units = estate.searchUnits(user, communityId, null, page, 100);
      for (Estate.UnitRow u : units.items()) {
        Optional<BigDecimal> billed = bill(user, communityId, u, period, rates, runId);
        if (billed.isPresent()) {
          created++;
          total = total.add(billed.get());
        }
      }
      if (!units.hasNext()) {
        break;
      }
    }
    runs.finishRun(runId, created, total);
    audit.record(
        "billing_run",
        runId,
        "RUN",
        null,
        Map.of(
            "communityId",
            communityId,
            "period",
            period.toString(),
            "billsCreated",
            created,
            "total",
            total));
    return new RunResult(runId, period.toString(), created, total);
  }

  private PeriodRates rates(long communityId, YearMonth period) {
    LocalDate first = period.atDay(1);
    BigDecimal property = runs.rateOn(communityId, Item.PROPERTY_FEE, first).orElse(null);
    if (property == null) {
      throw DomainException.rule("billing.error.rate.missing", period.toString());
    }
    return new PeriodRates(
        property,
        runs.rateOn(communityId, Item.PARKING, first).orElse(null),
        runs.rateOn(communityId, Item.WATER, first).orElse(null),
        runs.rateOn(communityId, Item.ELECTRICITY, first).orElse(null));
  }

  /** The unit's bill with its charges; its total, or empty if nothing to bill or billed already. */
  private Optional<BigDecimal> bill(
      CurrentUser user,
      long communityId,
      Estate.UnitRow u,
      YearMonth period,
      PeriodRates rates,
      long runId) {
    List<Line> lines = linesFor(u, period, rates);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal total = BillCalculator.total(lines);
    Optional<Long> billId =
        runs.insertBill(
            communityId, u.id(), period, total, period.atEndOfMonth(), runId, clock.instant());
    if (billId.isEmpty()) {
      return Optional.empty();
    }
    for (Line line : lines) {
      ledger.insertCharge(
          new NewCharge(
              communityId,
              u.id(),
              billId.get(),
              line.item(),
              line.description(),
              period,
              line.quantity(),
              line.unitPrice(),
              line.amount(),
              period.atEndOfMonth(),
              null,
              null,
              null,
              null,
              user.actorRef(),
              clock.instant()));
    }
    events.publishEvent(
        new BillIssued(
            billId.get(),
            communityId,
            u.id(),
            period.toString(),
            total,
            period.atEndOfMonth(),
            clock.instant()));
    return Optional.of(total);
  }

  private List<Line> linesFor(Estate.UnitRow unit, YearMonth period, PeriodRates rates) {
    List<Line> lines = new ArrayList<>();
    List<Range> occupied =
        estate.occupancyHistory(unit.id()).stream()
            .map(o -> new Range(o.movedIn(), o.movedOut()))
            .toList();
    lines.addAll(
        BillCalculator.byDays(
            Item.PROPERTY_FEE,
            period,
            unit.floorArea(),
            rates.property(),
            occupied,
            unit.floorArea().toPlainString() + " m² × " + plain(rates.property())));
    if (rates.parking() != null) {
      for (BillingRunRepository.Space s : runs.parkingSpaces(unit.id(), period)) {
        lines.addAll(
            BillCalculator.byDays(
                Item.PARKING,
                period,
                BigDecimal.ONE,
                rates.parking(),
                List.of(new Range(s.starts(), s.ends() == null ? null : s.ends().plusDays(1))),
                s.code()));
      }
    }
    for (Meter meter : Meter.values()) {
      BigDecimal price = rates.of(meter);
      if (price == null) {
        continue;
      }
      for (BillingRunRepository.Reading r : runs.readings(unit.id(), meter, period)) {
        lines.addAll(
            BillCalculator.metered(
                Item.valueOf(meter.name()), r.usage(), price, r.previous() + "→" + r.reading()));
      }
    }
    return lines;
  }

  private static String plain(BigDecimal rate) {
    return rate.stripTrailingZeros().scale() < 2
        ? rate.setScale(2).toPlainString()
        : rate.stripTrailingZeros().toPlainString();
  }

  /** A period as typed (2026-11). */
  static YearMonth period(String field, String text) {
    if (text == null || text.isBlank()) {
      throw DomainException.invalid(field, "error.required");
    }
    try {
      return YearMonth.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw DomainException.invalid(field, "billing.error.period.format");
    }
  }
}
