package com.wuye.center.complaint.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Instants to and from JDBC for the complaint repositories (null stays null). */
final class Columns {

  private Columns() {}

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
