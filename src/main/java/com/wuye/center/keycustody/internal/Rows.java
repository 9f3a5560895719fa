package com.wuye.center.keycustody.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Nullable columns as the records want them. */
final class Rows {

  private Rows() {}

  static Long longOrNull(ResultSet rs, String column) throws SQLException {
    Object o = rs.getObject(column);
    return o == null ? null : ((Number) o).longValue();
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
