package com.wuye.center.billing;

import com.wuye.center.billing.BillCalculator.Line;
import com.wuye.center.billing.BillCalculator.Range;
import com.wuye.center.billing.Billing.Item;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.ChargeRequested;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.Role;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * What units owe: rates (收费标准), parking spaces, meter readings, the monthly billing run, one-off
 * charges raised at the counter (deposits), and the charges other areas ask for (CA-4: repair and
 * service fees become charges on the unit's bill, never cash in a technician's hand).
 */
@Service
@Transactional
public class BillingService {

  private static final Logger log = LoggerFactory.getLogger(BillingService.class);

  static final Role[] RUNNERS = {Role.SUPERVISOR, Role.MANAGER, Role.ADMIN};
  static final Role[] RATE_SETTERS = {Role.MANAGER, Role.ADMIN};
  static final Role[] METER_READERS = {
    Role.CASHIER, Role.SUPERVISOR, Role.MANAGER, Role.TECHNICIAN, Role.ADMIN
  };
  static final Role[] CHARGE_RAISERS = {Role.CASHIER, Role.SUPERVISOR, Role.MANAGER};

  private final JdbcClient jdbc;
  private final EstateDirectory estate;
  private final AuditTrail audit;
  private final Clock clock;
  private final ObjectMapper json;

  BillingService(
      JdbcClient jdbc, EstateDirectory estate, AuditTrail audit, Clock clock, ObjectMapper json) {
    this.jdbc = jdbc;
    this.estate = estate;
    this.audit = audit;
    this.clock = clock;
    this.json = json;
  }

  public record Rate(long id, Item item, BigDecimal unitPrice, LocalDate validFrom) {}

  public record RunResult(long runId, String period, int billsCreated, BigDecimal total) {}

  public enum Meter {
    WATER,
    ELECTRICITY
  }

  /** A meter reading as typed; {@code previousReading} only for a unit's first reading. */
  public record NewReading(
      Meter meter,
      String period,
      BigDecimal reading,
      BigDecimal previousReading,
      boolean meterChanged,
      BigDecimal oldMeterFinal,
      String note) {}

  public record NewCharge(Item item, String description, BigDecimal amount) {}

  // ---------------------------------------------------------------- rates and parking

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
    long id =
        jdbc.sql(
                "INSERT INTO billing_rate (community_id, item, unit_price, valid_from, created_by, created_at)"
                    + " VALUES (:c, :i, :p, :f, :by, :at)"
                    + " ON CONFLICT (community_id, item, valid_from) DO UPDATE SET unit_price = EXCLUDED.unit_price,"
                    + " created_by = EXCLUDED.created_by, created_at = EXCLUDED.created_at RETURNING id")
            .param("c", communityId)
            .param("i", item.name())
            .param("p", unitPrice)
            .param("f", from)
            .param("by", user.actorRef())
            .param("at", Timestamp.from(clock.instant()))
            .query(Long.class)
            .single();
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
    return jdbc.sql(
            "SELECT * FROM billing_rate WHERE community_id = :c ORDER BY item, valid_from DESC")
        .param("c", communityId)
        .query(
            (rs, n) ->
                new Rate(
                    rs.getLong("id"),
                    Item.valueOf(rs.getString("item")),
                    rs.getBigDecimal("unit_price"),
                    rs.getObject("valid_from", LocalDate.class)))
        .list();
  }

  Optional<BigDecimal> rateOn(long communityId, Item item, LocalDate day) {
    return jdbc.sql(
            "SELECT unit_price FROM billing_rate WHERE community_id = :c AND item = :i AND valid_from <= :d"
                + " ORDER BY valid_from DESC LIMIT 1")
        .param("c", communityId)
        .param("i", item.name())
        .param("d", day)
        .query(BigDecimal.class)
        .optional();
  }

  public long addParkingSpace(
      CurrentUser user, long unitId, String spaceCode, LocalDate starts, LocalDate ends) {
    user.require(RUNNERS);
    Estate.Unit unit = estate.unitFor(user, unitId);
    String code = text("spaceCode", spaceCode, 20);
    if (starts == null) {
      throw DomainException.invalid("starts", "error.required");
    }
    if (ends != null && ends.isBefore(starts)) {
      throw DomainException.invalid("ends", "billing.error.parking.endsBeforeStarts");
    }
    long id =
        jdbc.sql(
                "INSERT INTO billing_parking_space (community_id, unit_id, space_code, starts, ends)"
                    + " VALUES (:c, :u, :s, :f, :t) RETURNING id")
            .param("c", unit.communityId())
            .param("u", unitId)
            .param("s", code)
            .param("f", starts)
            .param("t", ends)
            .query(Long.class)
            .single();
    audit.record(
        "billing_parking",
        id,
        "CREATED",
        null,
        Map.of("unitId", unitId, "spaceCode", code, "starts", starts.toString()));
    return id;
  }

  // ---------------------------------------------------------------- meter readings

  /**
   * Records a reading for a period. A reading lower than the previous one is refused unless a meter
   * change is recorded (the old meter's final reading and a note); then the usage is the old
   * meter's last consumption plus the new meter's reading.
   */
  public long recordReading(CurrentUser user, long unitId, NewReading r) {
    user.require(METER_READERS);
    Estate.Unit unit = estate.unitFor(user, unitId);
    if (r.meter() == null) {
      throw DomainException.invalid("meter", "error.required");
    }
    YearMonth period = period("period", r.period());
    BigDecimal reading = Money.nonNegative("reading", r.reading());
    Optional<BigDecimal> last =
        jdbc.sql(
                "SELECT reading FROM billing_meter_reading WHERE unit_id = :u AND meter = :m AND period < :p"
                    + " ORDER BY period DESC LIMIT 1")
            .param("u", unitId)
            .param("m", r.meter().name())
            .param("p", period.toString())
            .query(BigDecimal.class)
            .optional();
    BigDecimal previous =
        last.orElseGet(
            () ->
                r.previousReading() == null
                    ? Money.ZERO
                    : Money.nonNegative("previousReading", r.previousReading()));
    BigDecimal oldFinal = null;
    String note = r.note() == null || r.note().isBlank() ? null : text("note", r.note(), 200);
    if (r.meterChanged()) {
      oldFinal = Money.nonNegative("oldMeterFinal", r.oldMeterFinal());
      if (oldFinal.compareTo(previous) < 0) {
        throw DomainException.invalid(
            "oldMeterFinal", "billing.error.reading.lower", previous.toPlainString());
      }
      if (note == null) {
        throw DomainException.invalid("note", "billing.error.reading.changeNote");
      }
    } else if (reading.compareTo(previous) < 0) {
      throw DomainException.invalid(
          "reading", "billing.error.reading.lower", previous.toPlainString());
    }
    boolean exists =
        jdbc.sql(
                "SELECT EXISTS (SELECT 1 FROM billing_meter_reading WHERE unit_id = :u AND meter = :m AND period = :p)")
            .param("u", unitId)
            .param("m", r.meter().name())
            .param("p", period.toString())
            .query(Boolean.class)
            .single();
    if (exists) {
      throw DomainException.conflict("billing.error.reading.exists", period.toString());
    }
    long id =
        jdbc.sql(
                "INSERT INTO billing_meter_reading (community_id, unit_id, meter, period, previous_reading, reading,"
                    + " meter_changed, old_meter_final, note, recorded_by, recorded_at)"
                    + " VALUES (:c, :u, :m, :p, :prev, :r, :chg, :old, :note, :by, :at) RETURNING id")
            .param("c", unit.communityId())
            .param("u", unitId)
            .param("m", r.meter().name())
            .param("p", period.toString())
            .param("prev", previous)
            .param("r", reading)
            .param("chg", r.meterChanged())
            .param("old", oldFinal)
            .param("note", note)
            .param("by", user.actorRef())
            .param("at", Timestamp.from(clock.instant()))
            .query(Long.class)
            .single();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("unitId", unitId);
    after.put("meter", r.meter());
    after.put("period", period.toString());
    after.put("previous", previous);
    after.put("reading", reading);
    after.put("meterChanged", r.meterChanged());
    audit.record("billing_reading", id, "RECORDED", null, after);
    return id;
  }

  // ---------------------------------------------------------------- the billing run

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
    LocalDate first = period.atDay(1);
    BigDecimal propertyRate = rateOn(communityId, Item.PROPERTY_FEE, first).orElse(null);
    BigDecimal parkingRate = rateOn(communityId, Item.PARKING, first).orElse(null);
    BigDecimal waterRate = rateOn(communityId, Item.WATER, first).orElse(null);
    BigDecimal powerRate = rateOn(communityId, Item.ELECTRICITY, first).orElse(null);
    if (propertyRate == null) {
      throw DomainException.rule("billing.error.rate.missing", period.toString());
    }
    long runId =
        jdbc.sql(
                "INSERT INTO billing_run (community_id, period, bills_created, total, run_by, run_at)"
                    + " VALUES (:c, :p, 0, 0, :by, :at) RETURNING id")
            .param("c", communityId)
            .param("p", period.toString())
            .param("by", user.actorRef())
            .param("at", Timestamp.from(clock.instant()))
            .query(Long.class)
            .single();
    int created = 0;
    BigDecimal total = Money.ZERO;
    for (int page = 0; ; page++) {
      Paged<Estate.UnitRow> units = estate.searchUnits(user, communityId, null, page, 100);
      for (Estate.UnitRow u : units.items()) {
        List<Line> lines =
            linesFor(communityId, u, period, propertyRate, parkingRate, waterRate, powerRate);
        if (lines.isEmpty()) {
          continue;
        }
        BigDecimal billTotal = BillCalculator.total(lines);
        Optional<Long> billId =
            jdbc.sql(
                    "INSERT INTO billing_bill (community_id, unit_id, period, total, due_date, run_id, created_at)"
                        + " VALUES (:c, :u, :p, :t, :due, :run, :at)"
                        + " ON CONFLICT (unit_id, period) DO NOTHING RETURNING id")
                .param("c", communityId)
                .param("u", u.id())
                .param("p", period.toString())
                .param("t", billTotal)
                .param("due", period.atEndOfMonth())
                .param("run", runId)
                .param("at", Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional();
        if (billId.isEmpty()) {
          continue;
        }
        for (Line line : lines) {
          insertCharge(
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
              user.actorRef());
        }
        created++;
        total = total.add(billTotal);
      }
      if (!units.hasNext()) {
        break;
      }
    }
    // the run's own totals are written once, at its end (billing_run is not an insert-only table)
    jdbc.sql("UPDATE billing_run SET bills_created = :n, total = :t WHERE id = :id")
        .param("n", created)
        .param("t", total)
        .param("id", runId)
        .update();
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

  private List<Line> linesFor(
      long communityId,
      Estate.UnitRow unit,
      YearMonth period,
      BigDecimal propertyRate,
      BigDecimal parkingRate,
      BigDecimal waterRate,
      BigDecimal powerRate) {
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
            propertyRate,
            occupied,
            unit.floorArea().toPlainString() + " m² × " + plain(propertyRate)));
    if (parkingRate != null) {
      List<Map<String, Object>> spaces =
          jdbc.sql(
                  "SELECT space_code, starts, ends FROM billing_parking_space WHERE unit_id = :u"
                      + " AND starts <= :last AND (ends IS NULL OR ends >= :first) ORDER BY space_code")
              .param("u", unit.id())
              .param("first", period.atDay(1))
              .param("last", period.atEndOfMonth())
              .query()
              .listOfRows();
      for (Map<String, Object> s : spaces) {
        LocalDate starts = ((java.sql.Date) s.get("starts")).toLocalDate();
        LocalDate ends =
            s.get("ends") == null ? null : ((java.sql.Date) s.get("ends")).toLocalDate();
        lines.addAll(
            BillCalculator.byDays(
                Item.PARKING,
                period,
                BigDecimal.ONE,
                parkingRate,
                List.of(new Range(starts, ends == null ? null : ends.plusDays(1))),
                String.valueOf(s.get("space_code"))));
      }
    }
    for (Meter meter : Meter.values()) {
      BigDecimal price = meter == Meter.WATER ? waterRate : powerRate;
      if (price == null) {
        continue;
      }
      jdbc.sql(
              "SELECT previous_reading, reading, usage FROM billing_meter_reading WHERE unit_id = :u AND meter = :m AND period = :p")
          .param("u", unit.id())
          .param("m", meter.name())
          .param("p", period.toString())
          .query()
          .listOfRows()
          .forEach(
              r ->
                  lines.addAll(
                      BillCalculator.metered(
                          Item.valueOf(meter.name()),
                          (BigDecimal) r.get("usage"),
                          price,
                          r.get("previous_reading") + "→" + r.get("reading"))));
    }
    return lines;
  }

  private static String plain(BigDecimal rate) {
    return rate.stripTrailingZeros().scale() < 2
        ? rate.setScale(2).toPlainString()
        : rate.stripTrailingZeros().toPlainString();
  }

  // ---------------------------------------------------------------- one-off charges

  /** A one-off charge raised at the counter: a deposit (装修押金, refundable) or another fee. */
  public long raiseCharge(CurrentUser user, long unitId, NewCharge c) {
    user.require(CHARGE_RAISERS);
    Estate.Unit unit = estate.unitFor(user, unitId);
    if (c.item() == null || !c.item().raisedAtCounter()) {
      throw DomainException.invalid("item", "billing.error.charge.item");
    }
    String description = text("description", c.description(), 200);
    BigDecimal amount = Money.positive("amount", c.amount());
    LocalDate today = LocalDate.now(clock);
    long id =
        insertCharge(
            unit.communityId(),
            unitId,
            null,
            c.item(),
            description,
            YearMonth.from(today),
            null,
            null,
            amount,
            today,
            null,
            null,
            null,
            null,
            user.actorRef());
    audit.record(
        "billing_charge",
        id,
        "CHARGED",
        null,
        Map.of("unitId", unitId, "item", c.item(), "amount", amount, "description", description));
    return id;
  }

  /**
   * A charge another area asked for (a repair's fees, a paid convenience service): exactly one
   * charge per source, so a redelivered event never charges twice. Runs after the publisher's
   * commit; the event publication registry redelivers it if this fails.
   */
  @ApplicationModuleListener
  void on(ChargeRequested e) {
    Optional<Long> id = charge(e);
    id.ifPresent(
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
    Item item =
        switch (e.sourceType()) {
          case "repair" -> Item.REPAIR;
          case "convenience" -> Item.CONVENIENCE;
          default -> Item.OTHER;
        };
    LocalDate day =
        (e.occurredAt() == null ? clock.instant() : e.occurredAt())
            .atZone(clock.getZone())
            .toLocalDate();
    String description =
        (e.sourceNumber() == null ? "" : e.sourceNumber() + " ")
            + (e.description() == null ? "" : e.description());
    if (description.isBlank()) {
      description = e.sourceType() + ":" + e.sourceId();
    }
    Optional<Long> id =
        Optional.ofNullable(
            insertCharge(
                unit.communityId(),
                unit.id(),
                null,
                item,
                description.length() > 200 ? description.substring(0, 200) : description,
                YearMonth.from(day),
                null,
                null,
                total,
                day,
                e.sourceType(),
                e.sourceId(),
                e.sourceNumber(),
                json.writeValueAsString(e.lines()),
                "event:" + e.sourceType()));
    if (id.isEmpty()) {
      log.info("charge for {}:{} exists; redelivery ignored", e.sourceType(), e.sourceId());
    }
    return id;
  }

  private Long insertCharge(
      long communityId,
      long unitId,
      Long billId,
      Item item,
      String description,
      YearMonth period,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal amount,
      LocalDate due,
      String sourceType,
      String sourceId,
      String sourceNumber,
      String lines,
      String by) {
    return jdbc.sql(
            "INSERT INTO billing_charge (community_id, unit_id, bill_id, item, description, period, quantity, unit_price,"
                + " amount, due_date, source_type, source_id, source_number, lines, created_by, created_at)"
                + " VALUES (:c, :u, :b, :i, :d, :p, :q, :price, :a, :due, :st, :sid, :sn, CAST(:lines AS jsonb), :by, :at)"
                + " ON CONFLICT (source_type, source_id) DO NOTHING RETURNING id")
        .param("c", communityId)
        .param("u", unitId)
        .param("b", billId)
        .param("i", item.name())
        .param("d", description)
        .param("p", period.toString())
        .param("q", quantity)
        .param("price", unitPrice)
        .param("a", amount)
        .param("due", due)
        .param("st", sourceType)
        .param("sid", sourceId)
        .param("sn", sourceNumber)
        .param("lines", lines)
        .param("by", by)
        .param("at", Timestamp.from(clock.instant()))
        .query(Long.class)
        .optional()
        .orElse(null);
  }

  // ---------------------------------------------------------------- helpers

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

  static String text(String field, String value, int max) {
    String v = value == null ? "" : value.trim();
    if (v.isEmpty()) {
      throw DomainException.invalid(field, "error.required");
    }
    if (v.length() > max) {
      throw DomainException.invalid(field, "error.tooLong", max);
    }
    return v;
  }
}
