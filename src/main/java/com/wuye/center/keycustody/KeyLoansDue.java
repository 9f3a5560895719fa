package com.wuye.center.keycustody;

import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.WorkItem;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keys lent to technicians that are due back by a moment or overdue (issue 14, the desk's
 * worklist), of the communities the user serves, the longest overdue first. Reads the partial index
 * of open loans by expected return ({@code keycustody_loan_due_idx}).
 */
@Service
@Transactional(readOnly = true)
public class KeyLoansDue {

  private final JdbcClient jdbc;
  private final Clock clock;

  KeyLoansDue(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public List<WorkItem> dueBy(CurrentUser user, Instant until, int limit) {
    Instant now = clock.instant();
    return jdbc.sql(
            "SELECT l.id, l.lent_at, l.expected_return_at, l.repair_order_ref, k.id AS key_id, k.code,"
                + " e.unit_code, s.name AS technician FROM keycustody_loan l"
                + " JOIN keycustody_key k ON k.id = l.key_id"
                + " JOIN keycustody_entrustment e ON e.id = k.entrustment_id"
                + " JOIN staff s ON s.id = l.technician_staff_id"
                + " WHERE l.returned_at IS NULL AND l.expected_return_at <= :until"
                + " AND e.community_id = ANY(:c) ORDER BY l.expected_return_at, l.id LIMIT :limit")
        .param("until", Timestamp.from(until))
        .param("c", user.communityIds().toArray(Long[]::new))
        .param("limit", limit)
        .query(
            (rs, i) -> {
              Instant due = rs.getTimestamp("expected_return_at").toInstant();
              return new WorkItem(
                  "key-loan-" + rs.getLong("id"),
                  due.isBefore(now) ? "keycustody.state.OVERDUE" : "keycustody.state.LENT",
                  rs.getString("code") + " · " + rs.getString("unit_code"),
                  rs.getString("technician") + " · " + rs.getString("repair_order_ref"),
                  rs.getTimestamp("lent_at").toInstant(),
                  due,
                  false,
                  due.isBefore(now),
                  "/staff/keycustody/keys/" + rs.getLong("key_id"),
                  null,
                  null);
            })
        .list();
  }
}
