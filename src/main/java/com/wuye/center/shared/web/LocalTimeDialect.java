package com.wuye.center.shared.web;

import com.wuye.center.shared.ClockConfiguration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code #local} in every template: an instant (or any date/time) shown as local time in the
 * service center's zone, never as UTC or ISO-8601 — {@code ${#local.dateTime(o.reportedAt)}} →
 * {@code 2026-11-27 14:30}; {@code date} → {@code 2026-11-27}; {@code time} → {@code 14:30}; {@code
 * short} → {@code 11-27 14:30}; {@code iso} → the {@code datetime-local} input value. Null shows as
 * an empty string.
 */
@Component
class LocalTimeDialect extends AbstractDialect implements IExpressionObjectDialect {

  LocalTimeDialect() {
    super("wuye-local-time");
  }

  @Override
  public IExpressionObjectFactory getExpressionObjectFactory() {
    return new IExpressionObjectFactory() {
      @Override
      public Set<String> getAllExpressionObjectNames() {
        return Set.of("local");
      }

      @Override
      public Object buildObject(IExpressionContext context, String name) {
        return LocalTimes.INSTANCE;
      }

      @Override
      public boolean isCacheable(String name) {
        return true;
      }
    };
  }

  /** The formatting methods behind {@code #local}. */
  public static final class LocalTimes {

    static final LocalTimes INSTANCE = new LocalTimes();
    private static final DateTimeFormatter DATE_TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter INPUT =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public String dateTime(Object value) {
      return format(value, DATE_TIME);
    }

    public String date(Object value) {
      return format(value, DATE);
    }

    public String time(Object value) {
      return format(value, TIME);
    }

    /** Month, day and time: for lists within one year. */
    public String monthDayTime(Object value) {
      return format(value, SHORT);
    }

    public String seconds(Object value) {
      return format(value, SECONDS);
    }

    /** The value of a {@code <input type="datetime-local">}. */
    public String input(Object value) {
      return format(value, INPUT);
    }

    /** Any pattern, in the service center's zone. */
    public String format(Object value, String pattern) {
      return format(value, DateTimeFormatter.ofPattern(pattern));
    }

    private static String format(Object value, DateTimeFormatter f) {
      TemporalAccessor t = local(value);
      return t == null ? "" : f.format(t);
    }

    /** The value as local date-time (or date) in the service center's zone. */
    static TemporalAccessor local(Object value) {
      if (value == null) {
        return null;
      }
      if (value instanceof Instant i) {
        return i.atZone(ClockConfiguration.ZONE).toLocalDateTime();
      }
      if (value instanceof OffsetDateTime o) {
        return o.atZoneSameInstant(ClockConfiguration.ZONE).toLocalDateTime();
      }
      if (value instanceof ZonedDateTime z) {
        return z.withZoneSameInstant(ClockConfiguration.ZONE).toLocalDateTime();
      }
      if (value instanceof LocalDateTime || value instanceof LocalDate) {
        return (TemporalAccessor) value;
      }
      if (value instanceof java.sql.Timestamp ts) {
        return ts.toInstant().atZone(ClockConfiguration.ZONE).toLocalDateTime();
      }
      if (value instanceof java.util.Date d) {
        return d.toInstant().atZone(ClockConfiguration.ZONE).toLocalDateTime();
      }
      if (value instanceof String s && !s.isBlank()) {
        try {
          return Instant.parse(s).atZone(ClockConfiguration.ZONE).toLocalDateTime();
        } catch (RuntimeException e) {
          return null;
        }
      }
      return null;
    }
  }
}
