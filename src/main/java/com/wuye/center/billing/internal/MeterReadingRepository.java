package com.wuye.center.billing.internal;

import com.wuye.center.billing.MeterReadings.Meter;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Meter readings, one per unit, meter and period. */
@Repository
public class MeterReadingRepository {

  private final JdbcClient jdbc;

  MeterReadingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A reading to record; {@code oldMeterFinal} only when the meter was changed. */
  public record NewReading(
      long communityId,
      long unitId,
      Meter meter,
      YearMonth period,
      BigDecimal previous,
      BigDecimal reading,
      boolean meterChanged,
      BigDecimal oldMeterFinal,
      String note,
      String by,
      Instant at) {}

  /** The last reading of the meter before the period. */
  public Optional<BigDecimal> lastBefore(long unitId, Meter meter, YearMonth period) {
    return jdbc.sql(
            "SELECT reading FROM billing_meter_reading WHERE unit_id = :u AND meter = :m AND period < :p"
                + " ORDER BY period DESC LIMIT 1")
        .param("u", unitId)
        .param("m", meter.name())
        .param("p", period.toString())
        .query(BigDecimal.class)
        .optional();
  }

  public boolean exists(long unitId, Meter meter, YearMonth period) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM billing_meter_reading WHERE unit_id = :u AND meter = :m AND period = :p)")
        .param("u", unitId)
        .param("m", meter.name())
        .param("p", period.toString())
        .query(Boolean.class)
        .single();
  }

  public long insert(NewReading r) {
    return jdbc.sql(
            "INSERT INTO billing_meter_reading (community_id, unit_id, meter, period, previous_reading, reading,"
                + " meter_changed, old_meter_final, note, recorded_by, recorded_at)"
                + " VALUES (:c, :u, :m, :p, :prev, :r, :chg, :old, :note, :by, :at) RETURNING id")
        .param("c", r.communityId())
        .param("u", r.unitId())
        .param("m", r.meter().name())
        .param("p", r.period().toString())
        .param("prev", r.previous())
        .param("r", r.reading())
        .param("chg", r.meterChanged())
        .param("old", r.oldMeterFinal())
        .param("note", r.note())
        .param("by", r.by())
        .param("at", Timestamp.from(r.at()))
        .query(Long.class)
        .single();
  }
}
