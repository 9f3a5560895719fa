package com.wuye.center.shared;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Number series: gap-free ({@link #next}) for receipts, or unique-only ({@link #nextUnique}) for
 * request numbers that many people create at once.
 *
 * <p>Gap-free number series. The counter row is incremented in the caller's transaction: a number
 * is taken only if the caller commits, and concurrent callers of one series queue on the row, so
 * the numbers of a series are unique and without gaps (receipts, CA-2) and readable request numbers
 * (BX20261127-0007) never repeat.
 */
@Component
public class NumberSeries {

  private final JdbcClient jdbc;

  public NumberSeries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The next number of a series (1, 2, 3 …); must run inside the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public long next(String series) {
    return jdbc.sql(
            "INSERT INTO number_series (series, last_value) VALUES (:s, 1)"
                + " ON CONFLICT (series) DO UPDATE SET last_value = number_series.last_value + 1"
                + " RETURNING last_value")
        .param("s", series)
        .query(Long.class)
        .single();
  }

  /**
   * The next number of a series, taken in its own short transaction: unique and increasing, but a
   * number is not given back if the caller later rolls back (a gap). For readable request numbers
   * (BX20261127-0007), where many residents report at once: the counter row is locked only for this
   * one statement instead of the caller's whole transaction.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public long nextUnique(String series) {
    return next(series);
  }
}
