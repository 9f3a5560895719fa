package com.wuye.center.billing;

import com.wuye.center.billing.internal.MeterReadingRepository;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Dates;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Water and electricity meter readings, one per unit, meter and period (typed in, or imported by
 * {@link ReadingImport}); the monthly run bills the usage.
 */
@Service
@Transactional
public class MeterReadings {

  static final Role[] METER_READERS = {
    Role.CASHIER, Role.SUPERVISOR, Role.MANAGER, Role.TECHNICIAN, Role.ADMIN
  };

  private final MeterReadingRepository readings;
  private final EstateDirectory estate;
  private final AuditTrail audit;
  private final Clock clock;

  MeterReadings(
      MeterReadingRepository readings, EstateDirectory estate, AuditTrail audit, Clock clock) {
    this.readings = readings;
    this.estate = estate;
    this.audit = audit;
    this.clock = clock;
  }

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

  /**
   * Records a reading of a unit named by its code in the community (as typed, or a sheet's row).
   */
  public long recordReading(CurrentUser user, long communityId, String unitCode, NewReading r) {
    user.requireCommunity(communityId);
    return recordReading(user, unitId(communityId, unitCode), r);
  }

  /** The unit of the community with the code; refused on {@code unitCode} if there is none. */
  long unitId(long communityId, String unitCode) {
    return estate
        .unitByCode(communityId, unitCode)
        .orElseThrow(() -> DomainException.invalid("unitCode", "error.unit.notFound"))
        .id();
  }

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
    YearMonth period =
        Dates.notAfterThisMonth("period", BillingRuns.period("period", r.period()), clock);
    BigDecimal reading = Money.nonNegative("reading", r.reading());
    BigDecimal previous =
        readings
            .lastBefore(unitId, r.meter(), period)
            .orElseGet(
                () ->
                    r.previousReading() == null
                        ? Money.ZERO
                        : Money.nonNegative("previousReading", r.previousReading()));
    BigDecimal oldFinal = null;
    String note = Text.optional("note", r.note(), 200);
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
    if (readings.exists(unitId, r.meter(), period)) {
      throw DomainException.conflict("billing.error.reading.exists", period.toString());
    }
    long id =
        readings.insert(
            new MeterReadingRepository.NewReading(
                unit.communityId(),
                unitId,
                r.meter(),
                period,
                previous,
                reading,
                r.meterChanged(),
                oldFinal,
                note,
                user.actorRef(),
                clock.instant()));
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
}
