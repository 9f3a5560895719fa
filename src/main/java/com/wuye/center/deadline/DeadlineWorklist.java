package com.wuye.center.deadline;

import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.WorkItem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the worklists read of the clocks (issue 14), for the communities the user serves: work
 * nobody has taken yet (running acceptance clocks, oldest first, past their target flagged), and
 * clocks due soon or overdue (commitments, replies, repairs), by due time. Each query reads the
 * partial index of open clocks ({@code deadline_clock_open_due_idx}) and stops after a page.
 */
@Service
@Transactional(readOnly = true)
public class DeadlineWorklist {

  /** How many clocks are waiting, and how many of them are past their due time. */
  public record Count(long open, long overdue) {}

  private static final String ACCEPTANCE = "('accept', 'choice')";

  private final JdbcClient jdbc;
  private final Clock clock;

  DeadlineWorklist(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Intakes nobody has taken yet (complaints, inquiries, repairs, services, emergency choices). */
  public List<WorkItem> unowned(CurrentUser user, int limit) {
    return jdbc.sql(
            "SELECT * FROM deadline_clock WHERE community_id = ANY(:c) AND state <> 'STOPPED'"
                + " AND purpose IN "
                + ACCEPTANCE
                + " ORDER BY due_at, id LIMIT :limit")
        .param("c", communities(user))
        .param("limit", limit)
        .query(this::item)
        .list();
  }

  public Count unownedCount(CurrentUser user) {
    return count(user, "purpose IN " + ACCEPTANCE, null);
  }

  /**
   * Running clocks other than acceptance ones due within {@code within} or overdue, of the given
   * subject types (null: all), by due time.
   */
  public List<WorkItem> dueSoon(
      CurrentUser user, Collection<String> subjectTypes, Duration within, int limit) {
    return jdbc.sql(
            "SELECT * FROM deadline_clock WHERE community_id = ANY(:c) AND state <> 'STOPPED'"
                + " AND due_at <= :until AND purpose NOT IN "
                + ACCEPTANCE
                + " AND (CAST(:types AS VARCHAR[]) IS NULL OR subject_type = ANY(:types))"
                + " ORDER BY due_at, id LIMIT :limit")
        .param("c", communities(user))
        .param("until", Timestamp.from(clock.instant().plus(within)))
        .param("types", subjectTypes == null ? null : subjectTypes.toArray(String[]::new))
        .param("limit", limit)
        .query(this::item)
        .list();
  }

  /** Clocks due within {@code within} (or overdue) of the subject types (null: all). */
  public Count dueSoonCount(CurrentUser user, Collection<String> subjectTypes, Duration within) {
    return count(
        user, "purpose NOT IN " + ACCEPTANCE + " AND due_at <= :until", subjectTypes, within);
  }

  private Count count(CurrentUser user, String where, Collection<String> types) {
    return count(user, where, types, Duration.ZERO);
  }

  private Count count(CurrentUser user, String where, Collection<String> types, Duration within) {
    Instant now = clock.instant();
    return jdbc.sql(
            "SELECT count(*) AS open, count(*) FILTER (WHERE due_at < :now) AS overdue FROM deadline_clock"
                + " WHERE community_id = ANY(:c) AND state <> 'STOPPED' AND "
                + where
                + " AND (CAST(:types AS VARCHAR[]) IS NULL OR subject_type = ANY(:types))")
        .param("c", communities(user))
        .param("now", Timestamp.from(now))
        .param("until", Timestamp.from(now.plus(within)))
        .param("types", types == null ? null : types.toArray(String[]::new))
        .query((rs, i) -> new Count(rs.getLong("open"), rs.getLong("overdue")))
        .single();
  }

  private static Long[] communities(CurrentUser user) {
    return user.communityIds().toArray(Long[]::new);
  }

  private WorkItem item(ResultSet rs, int i) throws SQLException {
    Instant now = clock.instant();
    String purpose = rs.getString("purpose");
    Instant due = rs.getTimestamp("due_at").toInstant();
    String link = rs.getString("link");
    return new WorkItem(
        "clock-" + rs.getLong("id"),
        "deadline.work." + (ACCEPTANCE.contains("'" + purpose + "'") ? purpose : "due"),
        rs.getString("label"),
        null,
        rs.getTimestamp("started_at").toInstant(),
        due,
        "choice".equals(purpose),
        due.isBefore(now),
        link == null ? "/staff" : link,
        null,
        null);
  }
}
